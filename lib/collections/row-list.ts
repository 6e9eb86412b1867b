// What a table reads of its rows. An array is one; so is a snapshot of a list that only grows at the end,
// which costs nothing to take: a new snapshot per loaded page, where a new array per page would copy every
// loaded row pointer (1.4 MB per page at 176,000 rows, and the garbage of 1,700 such copies doubled the
// heap's peak while a long listing loaded).

export interface RowList<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/** The first `length` items of an array that is only ever appended to: later appends don't show through. */
export class PrefixView<T> implements RowList<T> {
  constructor(
    private readonly items: readonly T[],
    readonly length: number,
  ) {}

  at(index: number): T | undefined {
    return index >= 0 && index < this.length ? this.items[index] : undefined;
  }
}

/** A list showing `list`'s rows through `map`, row by row as they are read (no pass over all of them). */
export function mapRowList<T>(list: RowList<T>, map: (row: T) => T): RowList<T> {
  return {
    length: list.length,
    at: (index) => {
      const row = list.at(index);
      return row === undefined ? undefined : map(row);
    },
  };
}

/** Every row, in order: for tests and small lists (a full pass). */
export function rowListToArray<T>(list: RowList<T>): T[] {
  return Array.from({ length: list.length }, (_, i) => list.at(i) as T);
}
