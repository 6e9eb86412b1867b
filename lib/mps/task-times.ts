import { MPS_ZERO_TIME } from "./enums";

// Derived timings of an MPS task. Tencent writes `0000-00-00T00:00:00Z` for "not yet"; such values are absent.

export function parseMpsTime(text: string | null | undefined): number | null {
  if (!text || text === MPS_ZERO_TIME || text.startsWith("0000-")) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

export type TaskTimes = {
  created: number | null;
  began: number | null;
  finished: number | null;
  /** Created → began processing (or → now while still waiting). */
  queueMs: number | null;
  /** Began → finished (or → now while still processing). */
  processingMs: number | null;
  /** For unfinished tasks: how long it has been in its current state; null once finished. */
  inStateMs: number | null;
};

export function taskTimes(t: { CreateTime: string; BeginProcessTime: string; FinishTime: string }, now: number): TaskTimes {
  const created = parseMpsTime(t.CreateTime);
  const began = parseMpsTime(t.BeginProcessTime);
  const finished = parseMpsTime(t.FinishTime);
  const span = (a: number | null, b: number | null) => (a != null && b != null ? Math.max(0, b - a) : null);
  const queueMs = began != null ? span(created, began) : finished == null ? span(created, now) : null;
  const processingMs = began != null ? span(began, finished ?? now) : null;
  const inStateMs = finished != null ? null : began != null ? span(began, now) : span(created, now);
  return { created, began, finished, queueMs, processingMs, inStateMs };
}
