import { AppendOnlyFold } from "./append-only-fold";
import { PrefixView, type RowList } from "./row-list";

// Flattening the pages of an infinite list into one row list, without repeating a row, one new page at a time
// (see AppendOnlyFold).

type Flat<TRow> = { rows: TRow[]; seen: Set<string>; view?: PrefixView<TRow> };

export class PageFlattener<TPage extends object, TRow> {
  private readonly folder: AppendOnlyFold<TPage, Flat<TRow>>;

  constructor(rowsOf: (page: TPage) => readonly TRow[], keyOf: (row: TRow) => string) {
    this.folder = new AppendOnlyFold<TPage, Flat<TRow>>({
      start: () => ({ rows: [], seen: new Set() }),
      // The row array is shared and only appended to: the previous result is a view of its first rows, so it
      // stays as it was for anyone still rendering it.
      branch: (flat) => ({ rows: flat.rows, seen: flat.seen }),
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

  /** The same list object for the same pages, so it can be a memo dependency. */
  flatten(pages: readonly TPage[]): RowList<TRow> {
    const flat = this.folder.fold(pages);
    flat.view ??= new PrefixView(flat.rows, flat.rows.length);
    return flat.view;
  }
}
