import { appIdFor, compareNewestFirst, generateHour, HOUR_MS, MAX_LIFE_MS, type MpsTask, type MpsStatus, statusAt } from "./mps-task";

// The sliding 7-day window of MPS tasks, materialised hour by hour on demand and dropped once out of reach.
// Each hour bucket is sorted newest first and knows its failed-task count, so counting a settled hour is O(1)
// and only the last few (still moving) hours are scanned.

export const WINDOW_MS = 7 * 24 * HOUR_MS;

interface Bucket {
  hour: number;
  tasks: MpsTask[];
  failed: number;
}

export interface TaskQuery {
  now: number;
  status: MpsStatus;
  subTaskHasFailed: boolean | undefined;
  /** Inclusive CreateTime bounds (ms). */
  from: number;
  to: number;
  /** Start at this task (inclusive) in the stable order. */
  after: MpsTask | undefined;
  limit: number;
}

export interface TaskPage {
  tasks: MpsTask[];
  next: MpsTask | undefined;
  total: number;
}

export class MpsStore {
  readonly appId: string;
  private readonly buckets = new Map<number, Bucket>();
  private readonly byId = new Map<string, MpsTask>();

  constructor(
    private readonly seed: number,
    private readonly scale: number,
  ) {
    this.appId = appIdFor(seed);
  }

  /** Materialises every hour of the window ending at `now` (and forgets older ones). */
  advance(now: number): void {
    const first = Math.floor((now - WINDOW_MS) / HOUR_MS);
    const last = Math.floor(now / HOUR_MS);
    for (let h = first; h <= last; h++) if (!this.buckets.has(h)) this.add(h);
    for (const [h, b] of this.buckets) {
      if (h < first - 1 || h > last + 1) {
        for (const t of b.tasks) this.byId.delete(t.taskId);
        this.buckets.delete(h);
      }
    }
  }

  private add(hour: number): void {
    const tasks = generateHour(this.seed, this.scale, this.appId, hour);
    let failed = 0;
    for (const t of tasks) {
      this.byId.set(t.taskId, t);
      if (t.failed) failed++;
    }
    this.buckets.set(hour, { hour, tasks, failed });
  }

  /** A task that exists at `now` (created and still inside the window), else undefined. */
  find(taskId: string, now: number): MpsTask | undefined {
    this.advance(now);
    const t = this.byId.get(taskId);
    return t && t.create <= now && t.create > now - WINDOW_MS ? t : undefined;
  }

  query(q: TaskQuery): TaskPage {
    this.advance(q.now);
    const to = Math.min(q.to, q.now);
    const from = Math.max(q.from, q.now - WINDOW_MS + 1);
    const page: MpsTask[] = [];
    let next: MpsTask | undefined;
    let total = 0;
    const after = q.after;
    const fromToken = (t: MpsTask) => after === undefined || compareNewestFirst(t, after) >= 0;
    const matches = (t: MpsTask) => {
      if (t.create > to || t.create < from || statusAt(t, q.now) !== q.status) return false;
      if (q.subTaskHasFailed === undefined) return true;
      const failedNow = t.failed && t.finish <= q.now;
      return failedNow === q.subTaskHasFailed;
    };
    for (let h = Math.floor(to / HOUR_MS); h >= Math.floor(from / HOUR_MS); h--) {
      const b = this.buckets.get(h);
      if (!b || b.tasks.length === 0) continue;
      const bucketStart = h * HOUR_MS;
      const whole = bucketStart >= from && bucketStart + HOUR_MS - 1 <= to;
      const settled = bucketStart + HOUR_MS + MAX_LIFE_MS <= q.now;
      if (page.length > q.limit && whole && settled) {
        // Page already complete: only the count is needed, and a settled whole hour is counted without a scan.
        if (q.status === "FINISH") {
          total += q.subTaskHasFailed === undefined ? b.tasks.length : q.subTaskHasFailed ? b.failed : b.tasks.length - b.failed;
        }
        continue;
      }
      if (settled && q.status !== "FINISH" && whole) continue;
      for (const t of b.tasks) {
        if (!matches(t)) continue;
        total++;
        if (page.length <= q.limit && fromToken(t)) page.push(t);
      }
    }
    if (page.length > q.limit) next = page.pop();
    return { tasks: page, next, total };
  }
}
