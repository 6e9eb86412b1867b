import { Suspense } from "react";
import { MpsClient } from "./client";
import { findInvalidParams, toUrlSearchParams } from "./search-params";

export const metadata = { title: "MPS tasks" };

// The server reads the same parser map as the client: it names the URL parameters it could not read, so the
// client can show one notice and drop them from the URL.
export default async function MpsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const invalid = findInvalidParams(toUrlSearchParams(await searchParams));
  return (
    <Suspense fallback={<p className="text-sm text-zinc-500">Loading…</p>}>
      <MpsClient invalidParams={invalid} />
    </Suspense>
  );
}
