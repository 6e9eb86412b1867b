import QuickLRU from "quick-lru";

/**
 * The table's built rows, by the item they wrap: the same item gets the same row (memoized rows keep their
 * identity while the reader scrolls), but only the most recently used are kept. A built TanStack Row with its
 * cells weighs a few kilobytes, and a reader holding the end of a 176,022-row listing while it loads would
 * otherwise keep one for every row that ever passed through view (a WeakMap by item kept them as long as the
 * items: about 1 GB at 141,000 WeData rows).
 */
export class RowCache<TItem, TRow> {
  private readonly rows: QuickLRU<TItem, TRow>;

  /** `maxSize`: rows certainly kept; QuickLRU keeps up to twice as many before dropping the oldest half. */
  constructor(
    private readonly build: (item: TItem, index: number) => TRow,
    maxSize: number,
  ) {
    this.rows = new QuickLRU({ maxSize });
  }

  get(item: TItem, index: number): TRow {
    let row = this.rows.get(item);
    if (row === undefined) {
      row = this.build(item, index);
      this.rows.set(item, row);
    }
    return row;
  }

  get size(): number {
    return this.rows.size;
  }
}
