import { Suspense } from "react";
import { DropUrlParams } from "@/components/ui/drop-url-params";
import { MpsClient } from "./client";
import { findInvalidParams, toUrlSearchParams, unknownMpsParams } from "./search-params";

export const metadata = { title: "MPS tasks" };

// The server reads the same parser map as the client: it names the URL parameters it could not read (bad
// values and unknown names), so the client can show one notice and drop them from the URL. The client's
// nuqs hook clears the known keys; DropUrlParams clears the unknown ones, which nuqs can't.
export default async function MpsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = toUrlSearchParams(await searchParams);
  const invalid = findInvalidParams(search);
  return (
    <Suspense fallback={<p className="text-sm text-zinc-500">Loading…</p>}>
      <MpsClient invalidParams={invalid} />
      <DropUrlParams names={unknownMpsParams(search)} />
    </Suspense>
  );
}
