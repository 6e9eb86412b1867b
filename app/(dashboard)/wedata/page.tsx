import { Suspense } from "react";
import { WedataClient } from "./client";

export const metadata = { title: "WeData instances" };

// The page is one client screen driven by its URL (search-params.ts); nuqs needs a Suspense boundary.
export default function WedataPage() {
  return (
    <Suspense fallback={<div className="h-96 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" aria-label="Loading" />}>
      <WedataClient />
    </Suspense>
  );
}
