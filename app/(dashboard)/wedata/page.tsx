import { Suspense } from "react";
import { DropUrlParams } from "@/components/ui/drop-url-params";
import { toUrlSearchParams } from "@/lib/url/params";
import { WedataClient } from "./client";
import { unknownWedataParams } from "./search-params";

export const metadata = { title: "WeData instances" };

// The page is one client screen driven by its URL (search-params.ts); nuqs needs a Suspense boundary. The
// client names every parameter it drops (findInvalidParams) and clears the known ones through nuqs;
// DropUrlParams clears the names the screen does not know, which nuqs can't. Both sit in one boundary, so
// the client reads the URL before anything is removed from it.
export default async function WedataPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const unknown = unknownWedataParams(toUrlSearchParams(await searchParams));
  return (
    <Suspense fallback={<div className="h-96 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" aria-label="Loading" />}>
      <WedataClient />
      <DropUrlParams names={unknown} />
    </Suspense>
  );
}
