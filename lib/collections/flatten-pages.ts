import { AppendOnlyFold } from "./append-only-fold";

// Flattening the pages of an infinite list into one row array, without repeating a row, one new page at a time
// (see AppendOnlyFold).

type Flat<TRow> = { rows: TRow[]; seen: Set<string> };

export class PageFlattener<TPage extends object, TRow> {
  private readonly folder: AppendOnlyFold<TPage, Flat<TRow>>;

  constructor(rowsOf: (page: TPage) => readonly TRow[], keyOf: (row: TRow) => string) {
    this.folder = new AppendOnlyFold<TPage, Flat<TRow>>({
      start: () => ({ rows: [], seen: new Set() }),
      // Copy the row pointers so the previous result stays as it was for anyone still rendering it.
      branch: (flat) => ({ rows: flat.rows.slice(), seen: flat.seen }),
      add: (flat, page) => {
        for (const row of rowsOf(page)) {
          const key = keyOf(row);
          if (flat.seen.has(key)) continue;
          flat.seen.add(key);
          flat.rows.push(row);
        }
      },
    });
  }

  flatten(pages: readonly TPage[]): TRow[] {
    return this.folder.fold(pages).rows;
  }
}
