import { WallScreen } from "@/components/wall/wall-screen";
import { parseWallConfig, wallApiQuery } from "@/lib/wall/config";
import { gatherWallWithin } from "@/lib/wall/gather-wall";

export const metadata = { title: "Wall screen" };

/** How long the page waits for the first data before it paints without it (the browser then asks itself). */
const FIRST_DATA_WAIT_MS = 2_000;

// Everything is configured by the URL (see lib/wall/config.ts). The server reads it too and renders the wall
// with its first data already in place, so a screen is filled at its first paint, not after its scripts
// have loaded and asked /api/wall; from then on the browser refreshes it through /api/wall. No Suspense
// boundary here: one would send the panels after the page's shell, in a hidden container that React's
// script reveals no sooner than 300 ms after the shell's first paint.
export default async function WallPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, v);
  }
  const query = wallApiQuery(parseWallConfig(search).config);
  const { response, at } = await gatherWallWithin(new URLSearchParams(query), FIRST_DATA_WAIT_MS);
  return <WallScreen initial={response ? { query, response } : null} renderedAt={at} />;
}
