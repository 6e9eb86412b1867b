import { buildCatalogue, type Catalogue } from "./catalogue";
import { runsOnDay } from "./schedule";
import { InstanceColumns } from "./instance-columns";
import { type InstancePlan, planRun, STATES } from "./instance-plan";

// One WeData project's instances in schedule order. At start it holds exactly `target` instances scheduled
// at or before the start; later runs join as the clock passes their schedule time. Sorted orders for the
// START/END/COST columns are kept as permutations of settled instances; the recent, still-moving tail is
// handled per query (see list-query.ts).

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;
export type SortKeyColumn = "start" | "end" | "cost";
const MERGE_BACKLOG = 2_000;

export class ProjectStore {
  readonly cat: Catalogue;
  readonly cols = new InstanceColumns();
  /** Count of instances by final state. */
  readonly finalCounts = new Int32Array(STATES.length);
  /** Count of instances by task and final state (task * STATES.length + state): counts task-level filters. */
  readonly taskStateCounts: Int32Array;
  /** Instances [0, sortedCount) are in the permutations below, sorted by (final key, index). */
  sortedCount = 0;
  readonly perms: Record<SortKeyColumn, Int32Array> = { start: new Int32Array(0), end: new Int32Array(0), cost: new Int32Array(0) };
  /** Longest time from schedule to settling of any instance so far: older instances can no longer change. */
  private maxLife = 0;
  private pending: InstancePlan[] = [];
  /** Schedule time of the oldest instance at start; the history keeps its length by sliding a day at a time. */
  private floor = 0;
  private slidDays = 0;
  private nextDay: number;

  constructor(
    readonly seed: number,
    readonly p: number,
    target: number,
    private readonly startedAt: number,
    perDay: number,
  ) {
    const today = Math.floor((startedAt + BEIJING_MS) / DAY_MS);
    this.cat = buildCatalogue(seed, p, perDay, today);
    this.taskStateCounts = new Int32Array(this.cat.tasks.length * STATES.length);
    // Walk back day by day until the history holds `target` runs, then keep exactly the newest `target`.
    const days: InstancePlan[][] = [];
    let have = 0;
    for (let d = today; have < target && d > today - 3660; d--) {
      const plans = this.dayPlans(d).filter((x) => x.sched <= startedAt);
      days.unshift(plans);
      have += plans.length;
    }
    let drop = have - target;
    for (const plans of days) {
      for (const plan of plans) {
        if (drop > 0) {
          drop--;
          continue;
        }
        this.add(plan);
      }
    }
    this.pending = this.dayPlans(today).filter((x) => x.sched > startedAt);
    this.nextDay = today + 1;
    this.floor = this.cols.length > 0 ? (this.cols.sched[0] as number) : startedAt;
    this.rebuildPermutations();
  }

  /** Every run of day `d` (Beijing), in schedule order, ties in catalogue order. */
  private dayPlans(d: number): InstancePlan[] {
    const out: InstancePlan[] = [];
    for (const wf of this.cat.workflows) {
      for (const sched of runsOnDay(wf.schedule, d)) out.push(...planRun(this.seed, this.p, this.cat, wf, sched));
    }
    return out.sort((a, b) => a.sched - b.sched || a.task - b.task);
  }

  private add(plan: InstancePlan): void {
    this.cols.push(plan);
    this.finalCounts[plan.final]!++;
    this.taskStateCounts[plan.task * STATES.length + plan.final]!++;
    this.maxLife = Math.max(this.maxLife, plan.settle - plan.sched);
  }

  /** Brings in every run scheduled at or before `now`. */
  advance(now: number): void {
    for (;;) {
      let i = 0;
      while (i < this.pending.length && (this.pending[i] as InstancePlan).sched <= now) this.add(this.pending[i++] as InstancePlan);
      if (i > 0) this.pending = this.pending.slice(i);
      if (this.pending.length > 0) break;
      if ((this.nextDay - 1) * DAY_MS - BEIJING_MS + DAY_MS > now) break; // tomorrow has not begun
      this.pending = this.dayPlans(this.nextDay++);
    }
    if (this.cols.length - this.sortedCount > MERGE_BACKLOG) this.mergeBacklog();
    // Each whole day after the start, the oldest day leaves: the count stays near its start value and memory
    // stays bounded however long a demo runs. A pure function of `now`, so query history cannot change it.
    const days = Math.floor((now - this.startedAt) / DAY_MS);
    if (days > this.slidDays) {
      this.slidDays = days;
      this.dropBefore(this.floor + days * DAY_MS);
    }
  }

  private dropBefore(lowest: number): void {
    const k = this.cols.lowerBound(lowest);
    if (k === 0) return;
    const width = STATES.length;
    for (let i = 0; i < k; i++) {
      this.finalCounts[this.cols.final[i] as number]!--;
      this.taskStateCounts[(this.cols.task[i] as number) * width + (this.cols.final[i] as number)]!--;
    }
    this.cols.dropFront(k);
    for (const column of ["start", "end", "cost"] as const) {
      const kept = this.perms[column].filter((i) => i >= k);
      for (let j = 0; j < kept.length; j++) kept[j] = (kept[j] as number) - k;
      this.perms[column] = kept;
    }
    this.sortedCount = Math.max(0, this.sortedCount - k);
  }

  /** First index that may still change at `now`; every instance before it is settled. */
  dynamicFrom(now: number): number {
    return Math.min(this.cols.lowerBound(now - this.maxLife - 1), this.sortedCount);
  }

  private key(i: number, column: SortKeyColumn): number {
    const start = this.cols.start[i] as number;
    if (!Number.isFinite(start)) return -1;
    const end = this.cols.end[i] as number;
    return column === "start" ? start : column === "end" ? end : end - start;
  }

  private rebuildPermutations(): void {
    const n = this.cols.length;
    for (const column of ["start", "end", "cost"] as const) {
      // Sort packed (key seconds, index) pairs natively: keys are whole seconds < 2^31, indexes < 2^22.
      const packed = new Float64Array(n);
      for (let i = 0; i < n; i++) packed[i] = (Math.floor(this.key(i, column) / 1000) + 1) * 4_194_304 + i;
      packed.sort();
      const perm = new Int32Array(n);
      for (let i = 0; i < n; i++) perm[i] = (packed[i] as number) % 4_194_304;
      this.perms[column] = perm;
    }
    this.sortedCount = n;
  }

  /** Merges instances added since the last sort into the permutations (O(n), no full sort). */
  private mergeBacklog(): void {
    const n = this.cols.length;
    for (const column of ["start", "end", "cost"] as const) {
      const fresh: number[] = [];
      for (let i = this.sortedCount; i < n; i++) fresh.push(i);
      const k = (i: number) => Math.floor(this.key(i, column) / 1000);
      fresh.sort((a, b) => k(a) - k(b) || a - b);
      const old = this.perms[column];
      const merged = new Int32Array(n);
      let a = 0;
      let b = 0;
      for (let o = 0; o < n; o++) {
        const x = old[a];
        const y = fresh[b];
        if (y === undefined || (x !== undefined && (k(x) < k(y) || (k(x) === k(y) && x < y)))) {
          merged[o] = x as number;
          a++;
        } else {
          merged[o] = y;
          b++;
        }
      }
      this.perms[column] = merged;
    }
    this.sortedCount = n;
  }

  /** Sort key in whole seconds, matching the permutation order. */
  sortKeySeconds(i: number, column: SortKeyColumn): number {
    return Math.floor(this.key(i, column) / 1000);
  }

  /** The instance of `task` scheduled at `sched`, or -1. */
  find(task: number, sched: number): number {
    for (let i = this.cols.lowerBound(sched); i < this.cols.length && this.cols.sched[i] === sched; i++) {
      if (this.cols.task[i] === task) return i;
    }
    return -1;
  }
}
