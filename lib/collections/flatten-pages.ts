// Flattening the pages of an infinite list into one row array, without repeating a row. The pages only grow at
// the end, so each result extends the previous one instead of walking every loaded row again (with 100,000 rows
// loaded, a full pass per page made loading quadratic). Only the latest result is remembered, with the exact
// page list it came from: keeping every result would keep a copy of the row array per page (quadratic memory,
// 800 MB at 100,000 rows). A list that is not the remembered one plus pages (a reset, a refetch, another query)
// gets a full pass.

type Entry<TPage, TRow> = { pages: readonly TPage[]; rows: TRow[]; seen: Set<string> };

export class PageFlattener<TPage extends object, TRow> {
  private last: Entry<TPage, TRow> | null = null;

  constructor(
    private readonly rowsOf: (page: TPage) => readonly TRow[],
    private readonly keyOf: (row: TRow) => string,
  ) {}

  flatten(pages: readonly TPage[]): TRow[] {
    const n = pages.length;
    if (n === 0) return [];
    const before = this.last;
    if (before && before.pages.length === n && samePages(before.pages, pages, n)) return before.rows;

    let rows: TRow[];
    let seen: Set<string>;
    let todo: readonly TPage[];
    if (before && before.pages.length < n && samePages(pages, before.pages, before.pages.length)) {
      // Copy the row pointers so the previous result stays as it was for anyone still rendering it. The "seen"
      // set moves on with the new result: the old one is no longer remembered, so it is never extended again.
      rows = before.rows.slice();
      seen = before.seen;
      todo = pages.slice(before.pages.length);
    } else {
      rows = [];
      seen = new Set();
      todo = pages;
    }
    for (const page of todo) {
      for (const row of this.rowsOf(page)) {
        const key = this.keyOf(row);
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push(row);
      }
    }
    this.last = { pages: pages.slice(), rows, seen };
    return rows;
  }
}

/** a and b hold the same first n items. */
export function samePages<T>(a: readonly T[], b: readonly T[], n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
