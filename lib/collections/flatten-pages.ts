// Flattening the pages of an infinite list into one row array, without repeating a row. The pages only grow at
// the end, so each result extends the previous one instead of walking every loaded row again (with 100,000 rows
// loaded, a full pass per page made loading quadratic). Each result is remembered against its last page with the
// exact page list it came from; a result is extended at most once, so a list that branches (a reset, a refetch)
// falls back to a full pass and never shares a half-updated "seen" set.

type Entry<TPage, TRow> = { pages: readonly TPage[]; rows: TRow[]; seen: Set<string>; extended: boolean };

export class PageFlattener<TPage extends object, TRow> {
  private readonly entries = new WeakMap<TPage, Entry<TPage, TRow>>();

  constructor(
    private readonly rowsOf: (page: TPage) => readonly TRow[],
    private readonly keyOf: (row: TRow) => string,
  ) {}

  flatten(pages: readonly TPage[]): TRow[] {
    const n = pages.length;
    if (n === 0) return [];
    const last = pages[n - 1] as TPage;
    const hit = this.entries.get(last);
    if (hit && samePages(hit.pages, pages, n)) return hit.rows;

    const before = n >= 2 ? this.entries.get(pages[n - 2] as TPage) : undefined;
    let rows: TRow[];
    let seen: Set<string>;
    let todo: readonly TPage[];
    if (before && !before.extended && samePages(before.pages, pages, n - 1)) {
      before.extended = true;
      // Copy the row pointers so the previous result stays as it was for anyone still rendering it.
      rows = before.rows.slice();
      seen = before.seen;
      todo = [last];
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
    this.entries.set(last, { pages: pages.slice(), rows, seen, extended: false });
    return rows;
  }
}

function samePages<T>(a: readonly T[], b: readonly T[], n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
