import type { InstancePlan } from "./instance-plan";

// Struct-of-arrays storage for instance plans: ~60 bytes an instance, so a million fit comfortably and a
// filter pass is a tight loop over typed arrays.

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

export class InstanceColumns {
  length = 0;
  task = new Int32Array(1024);
  sched = new Float64Array(1024);
  upDone = new Float64Array(1024);
  start = new Float64Array(1024);
  end = new Float64Array(1024);
  settle = new Float64Array(1024);
  final = new Uint8Array(1024);
  tries = new Uint8Array(1024);
  instType = new Uint8Array(1024);
  rounds = new Uint8Array(1024);

  push(p: InstancePlan): number {
    if (this.length === this.task.length) {
      const size = this.task.length * 2;
      this.task = grow(this.task, size);
      this.sched = grow(this.sched, size);
      this.upDone = grow(this.upDone, size);
      this.start = grow(this.start, size);
      this.end = grow(this.end, size);
      this.settle = grow(this.settle, size);
      this.final = grow(this.final, size);
      this.tries = grow(this.tries, size);
      this.instType = grow(this.instType, size);
      this.rounds = grow(this.rounds, size);
    }
    const i = this.length++;
    this.task[i] = p.task;
    this.sched[i] = p.sched;
    this.upDone[i] = p.upDone;
    this.start[i] = p.start;
    this.end[i] = p.end;
    this.settle[i] = p.settle;
    this.final[i] = p.final;
    this.tries[i] = p.tries;
    this.instType[i] = p.instType;
    this.rounds[i] = p.rounds;
    return i;
  }

  /** Forgets the first `k` instances (the oldest). */
  dropFront(k: number): void {
    for (const a of [this.task, this.sched, this.upDone, this.start, this.end, this.settle, this.final, this.tries, this.instType, this.rounds]) {
      a.copyWithin(0, k, this.length);
    }
    this.length -= k;
  }

  plan(i: number): InstancePlan {
    return {
      task: this.task[i] as number,
      sched: this.sched[i] as number,
      upDone: this.upDone[i] as number,
      start: this.start[i] as number,
      end: this.end[i] as number,
      settle: this.settle[i] as number,
      final: this.final[i] as number,
      tries: this.tries[i] as number,
      instType: this.instType[i] as number,
      rounds: this.rounds[i] as number,
    };
  }

  /** First index whose schedule time is >= `ms` (binary search; schedule order is the storage order). */
  lowerBound(ms: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sched[mid] as number) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
