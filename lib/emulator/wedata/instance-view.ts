import type { Task } from "./catalogue";
import { type InstancePlan, S, tryDuration } from "./instance-plan";

// What an instance looks like at clock time `now`, derived from its plan.

export interface InstanceNow {
  state: number;
  /** ms or null when not started / not ended. */
  start: number | null;
  end: number | null;
  cost: number | null;
  lastUpdate: number;
  tries: number;
}

export function viewAt(p: InstancePlan, task: Task, now: number): InstanceNow {
  if (now >= p.settle) {
    const started = Number.isFinite(p.start);
    return {
      state: p.final,
      start: started ? p.start : null,
      end: started ? p.end : null,
      cost: started ? p.end - p.start : null,
      lastUpdate: p.settle,
      tries: p.tries,
    };
  }
  const waiting = task.eventTriggered ? S.WAIT_EVENT : S.WAIT_UPSTREAM;
  if (now < p.upDone) return { state: waiting, start: null, end: null, cost: null, lastUpdate: p.sched, tries: 0 };
  if (p.final === S.SKIP_RUNNING) return { state: S.SKIP_RUNNING, start: null, end: null, cost: null, lastUpdate: p.upDone, tries: 0 };
  if (now < p.start) return { state: S.WAIT_RUN, start: null, end: null, cost: null, lastUpdate: p.upDone, tries: 0 };
  if (now >= p.end) {
    // Between the last try's end and the final bookkeeping second: already in its final state.
    return { state: p.final, start: p.start, end: p.end, cost: p.end - p.start, lastUpdate: p.end, tries: p.tries };
  }
  const dur = tryDuration(p, task.retryGapMs);
  const period = dur + task.retryGapMs;
  const k = Math.floor((now - p.start) / period);
  const inTry = now - p.start - k * period < dur;
  const tryStart = p.start + k * period;
  return {
    state: inTry ? S.RUNNING : S.FAILED_RETRY,
    start: p.start,
    end: null,
    cost: null,
    lastUpdate: inTry ? tryStart : tryStart + dur,
    tries: k + 1,
  };
}

/** Sort key for START_TIME / END_TIME / COST_TIME; -1 (smallest) when absent. */
export function currentKey(v: InstanceNow, column: "start" | "end" | "cost"): number {
  const value = column === "start" ? v.start : column === "end" ? v.end : v.cost;
  return value ?? -1;
}
