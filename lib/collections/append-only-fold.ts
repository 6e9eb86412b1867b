// A fold over a list that only ever grows at the end (the pages of an infinite query): each result extends the
// previous one by the new items instead of walking everything again (a full pass per page made loading 100,000
// rows quadratic). Only the latest result is remembered, with the exact list it came from: keeping every result
// would keep a copy of the accumulated rows per page (quadratic memory, 800 MB at 100,000 rows). A list that is
// not the remembered one plus items (a reset, a refetch, another query) gets a full pass.

export interface FoldSteps<TItem, TState> {
  /** An empty state. */
  start(): TState;
  /**
   * A state to extend from the remembered one, whose readers must see it unchanged: copy what `add` changes in
   * place that they can see. An array `add` only appends to may be shared when readers see it through a
   * fixed-length view (see RowList), and bookkeeping only `add` reads (a "seen" set) may be shared: the
   * remembered state is never extended twice.
   */
  branch(state: TState): TState;
  add(state: TState, item: TItem): void;
}

export class AppendOnlyFold<TItem, TState> {
  private last: { items: readonly TItem[]; state: TState } | null = null;

  constructor(private readonly steps: FoldSteps<TItem, TState>) {}

  fold(items: readonly TItem[]): TState {
    const n = items.length;
    const before = this.last;
    if (before && before.items.length === n && samePrefix(before.items, items, n)) return before.state;
    let state: TState;
    let todo: readonly TItem[];
    if (before && before.items.length < n && samePrefix(items, before.items, before.items.length)) {
      state = this.steps.branch(before.state);
      todo = items.slice(before.items.length);
    } else {
      state = this.steps.start();
      todo = items;
    }
    for (const item of todo) this.steps.add(state, item);
    this.last = { items: items.slice(), state };
    return state;
  }
}

/** a and b hold the same first n items. */
function samePrefix<T>(a: readonly T[], b: readonly T[], n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
