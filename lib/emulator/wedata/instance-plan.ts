import { rngFor } from "../prng";
import type { Catalogue, Workflow } from "./catalogue";

// A workflow run planned in full when it is generated: each task instance's times follow its upstream
// instances, so the state at any clock time is derived from the plan and dependencies stay consistent.

export const STATES = ["WAIT_EVENT", "WAIT_UPSTREAM", "WAIT_RUN", "RUNNING", "SKIP_RUNNING", "FAILED_RETRY", "EXPIRED", "COMPLETED"] as const;
export type InstanceState = (typeof STATES)[number];
export const S = Object.fromEntries(STATES.map((s, i) => [s, i])) as Record<InstanceState, number>;

/** Caps one task's tries (including retry gaps), keeping every run's life bounded. */
const MAX_TRIES_SPAN_MS = 90 * 60_000;

export interface InstancePlan {
  task: number;
  sched: number;
  /** Upstream satisfied (or event arrived); Infinity = never. */
  upDone: number;
  /** First try starts; Infinity = never. */
  start: number;
  /** Last try ends; Infinity = never. */
  end: number;
  /** Final state reached by `settle`. */
  final: number;
  settle: number;
  tries: number;
  /** 0 backfill, 1 periodic, 2 non-periodic. */
  instType: number;
  /** Execution rounds (1 = never rerun). */
  rounds: number;
}

export function planRun(seed: number, p: number, cat: Catalogue, wf: Workflow, sched: number): InstancePlan[] {
  const done = new Map<number, InstancePlan>();
  const out: InstancePlan[] = [];
  for (const t of wf.tasks) {
    const task = cat.tasks[t];
    if (!task) continue;
    const rng = rngFor(seed, p, t, sched / 1000);
    const plan: InstancePlan = {
      task: t,
      sched,
      upDone: Infinity,
      start: Infinity,
      end: Infinity,
      final: S.WAIT_UPSTREAM,
      settle: sched,
      tries: 0,
      instType: task.cycle === "ONEOFF_CYCLE" ? 2 : rng.chance(0.025) ? 0 : 1,
      rounds: 1,
    };
    out.push(plan);
    done.set(t, plan);
    let ready = sched;
    let stuck = false;
    let upstreamFailed = false;
    for (const u of task.upstream) {
      const up = done.get(u);
      if (!up || up.final === S.WAIT_UPSTREAM || up.final === S.WAIT_EVENT) stuck = true;
      else if (up.final === S.EXPIRED) upstreamFailed = true;
      ready = Math.max(ready, up ? (Number.isFinite(up.end) ? up.end : up.settle) : sched);
    }
    // Behind a failed upstream it waits; usually someone fixes and reruns that upstream within a couple of
    // hours, otherwise it waits for ever. Behind a stuck upstream it is stuck too.
    if (stuck || (upstreamFailed && rng.chance(0.25))) continue;
    if (upstreamFailed) ready += rng.int(20, 120) * 60_000;
    if (task.eventTriggered) {
      if (rng.chance(0.1)) {
        plan.final = S.WAIT_EVENT;
        continue;
      }
      plan.upDone = ready + Math.round(rng.logNormal(300_000, 0.8) / 1000) * 1000;
      plan.upDone = Math.min(plan.upDone, ready + 30 * 60_000);
    } else plan.upDone = ready + rng.int(1, 5) * 1000;
    if (rng.chance(0.008)) {
      plan.final = S.SKIP_RUNNING;
      plan.settle = plan.upDone + 1000;
      continue;
    }
    // Resource groups are saturated during the nightly batch, so instances queue longer then.
    const nightly = (new Date(sched + 8 * 3_600_000).getUTCHours()) < 7;
    const queue = rng.chance(0.05) ? rng.int(60, 600) : Math.min(600, Math.round(rng.logNormal(nightly ? 45 : 6, 0.8)));
    plan.start = plan.upDone + queue * 1000;
    let tries = 1;
    // First tries fail a little more often than retries do, as flaky infrastructure makes them.
    let failed = rng.chance(task.failRate + 0.03);
    while (failed && tries < task.tryLimit) {
      tries++;
      failed = rng.chance(Math.min(0.9, task.failRate * 3));
    }
    const gaps = (tries - 1) * task.retryGapMs;
    let dur = Math.max(1000, Math.round(rng.logNormal(task.medianRunMs, 0.6) / 1000) * 1000);
    if (tries * dur + gaps > MAX_TRIES_SPAN_MS) dur = Math.max(1000, Math.floor((MAX_TRIES_SPAN_MS - gaps) / tries / 1000) * 1000);
    plan.tries = tries;
    plan.end = plan.start + tries * dur + gaps;
    plan.final = failed ? S.EXPIRED : S.COMPLETED;
    plan.settle = plan.end + 2000;
    plan.rounds = rng.chance(0.02) ? 2 : 1;
  }
  return out;
}

/** Duration of one try (all tries of an instance take equally long). */
export function tryDuration(plan: Pick<InstancePlan, "start" | "end" | "tries">, retryGapMs: number): number {
  return (plan.end - plan.start - (plan.tries - 1) * retryGapMs) / plan.tries;
}
