import { Rng, rngFor } from "../prng";

// One MPS task as a pure function of (seed, hour bucket, position): its whole planned lifecycle is drawn up
// front, so its status at any clock time is derived, never stored.

export const MPS_TASK_TYPES = ["WorkflowTask", "EditMediaTask", "LiveProcessTask", "ScheduleTask", "LiveScheduleTask"] as const;
export type MpsTaskType = (typeof MPS_TASK_TYPES)[number];
export type MpsStatus = "WAITING" | "PROCESSING" | "FINISH";

export const HOUR_MS = 3_600_000;
/** No task waits plus processes longer than this, so older buckets are fully settled. */
export const MAX_LIFE_MS = 8 * HOUR_MS;

export interface MpsTask {
  taskId: string;
  type: MpsTaskType;
  /** Milliseconds, whole seconds. */
  create: number;
  begin: number;
  finish: number;
  /** A sub-task fails (visible once the task has finished). */
  failed: boolean;
  subTaskTypes: readonly string[];
  /** Seeds the detail structure. */
  detailSeed: number;
}

const TYPE_WEIGHTS: ReadonlyArray<readonly [MpsTaskType, number]> = [
  ["WorkflowTask", 70],
  ["EditMediaTask", 13],
  ["LiveProcessTask", 11],
  ["ScheduleTask", 5],
  ["LiveScheduleTask", 1],
];

const WORKFLOW_SUBTASKS: ReadonlyArray<readonly [readonly string[], number]> = [
  [["Transcode"], 30],
  [["Transcode", "SnapshotByTimeOffset"], 18],
  [["Transcode", "CoverBySnapshot"], 10],
  [["AdaptiveDynamicStreaming"], 9],
  [["Transcode", "SampleSnapshot", "ImageSprites"], 7],
  [["AnimatedGraphics"], 4],
  [["Transcode", "AiContentReview"], 8],
  [["AiAnalysis"], 4],
  [["AiRecognition"], 4],
  [["Transcode", "AdaptiveDynamicStreaming", "SnapshotByTimeOffset"], 6],
];
const LIVE_SUBTASKS: ReadonlyArray<readonly [readonly string[], number]> = [
  [["AiContentReview"], 5],
  [["AiRecognition"], 3],
  [["AiContentReview", "AiRecognition"], 2],
];

/** Relative arrival rate by Beijing hour: quiet at night, busy in the afternoon and evening. Mean 1. */
const HOURLY_RHYTHM = [0.45, 0.32, 0.24, 0.2, 0.2, 0.24, 0.38, 0.6, 0.9, 1.15, 1.3, 1.35, 1.3, 1.32, 1.42, 1.48, 1.45, 1.4, 1.38, 1.45, 1.52, 1.45, 1.1, 0.76];
const RHYTHM_MEAN = HOURLY_RHYTHM.reduce((a, b) => a + b, 0) / 24;

/** MPS tasks per week at scale 1. */
export const MPS_TASKS_PER_WEEK = 35_000;

export function appIdFor(seed: number): string {
  return String(10_000 + (rngFor(seed, 0xa99).int(0, 89_999)));
}

/** All tasks created in hour `hour` (hours since the Unix epoch), newest first. */
export function generateHour(seed: number, scale: number, appId: string, hour: number): MpsTask[] {
  const rng = rngFor(seed, 0x4d5053, hour);
  const beijingHour = (hour + 8) % 24;
  const mean = ((MPS_TASKS_PER_WEEK * scale) / 168) * ((HOURLY_RHYTHM[beijingHour] as number) / RHYTHM_MEAN);
  const count = Math.max(0, Math.round(mean * (0.85 + 0.3 * rng.next())));
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(Math.floor(rng.next() * 3600) * 1000);
  offsets.sort((a, b) => a - b);
  const tasks = offsets.map((offset, i) => makeTask(rngFor(seed, 0x7a5c, hour, i), appId, hour * HOUR_MS + offset));
  return tasks.sort(compareNewestFirst);
}

function makeTask(rng: Rng, appId: string, create: number): MpsTask {
  const type = rng.weighted(TYPE_WEIGHTS);
  const subTaskTypes =
    type === "WorkflowTask" || type === "ScheduleTask"
      ? rng.weighted(WORKFLOW_SUBTASKS)
      : type === "EditMediaTask"
        ? ["EditMedia"]
        : rng.weighted(LIVE_SUBTASKS);
  // Queueing: usually seconds, sometimes minutes when the account's concurrency is saturated.
  const wait = rng.chance(0.06) ? rng.int(60, 1800) * 1000 : Math.round(rng.logNormal(2_500, 0.9));
  const median = type === "LiveProcessTask" || type === "LiveScheduleTask" ? 1_800_000 : type === "EditMediaTask" ? 120_000 : 75_000;
  const run = Math.round(Math.min(Math.max(rng.logNormal(median, 1.2), 1_500), MAX_LIFE_MS - 1_800_000));
  const begin = create + Math.round(wait / 1000) * 1000;
  const finish = begin + Math.max(1000, Math.round(run / 1000) * 1000);
  return {
    taskId: `${appId}-${type}-${rng.hex(13)}`,
    type,
    create,
    begin,
    finish,
    failed: rng.chance(0.035),
    subTaskTypes,
    detailSeed: Math.floor(rng.next() * 4294967296),
  };
}

/** The one stable order of DescribeTasks: newest first, then TaskId descending. */
export function compareNewestFirst(a: MpsTask, b: MpsTask): number {
  if (a.create !== b.create) return b.create - a.create;
  return a.taskId < b.taskId ? 1 : a.taskId > b.taskId ? -1 : 0;
}

export function statusAt(task: MpsTask, now: number): MpsStatus {
  if (now < task.begin) return "WAITING";
  if (now < task.finish) return "PROCESSING";
  return "FINISH";
}

/** Tencent's ISO form; `0000-00-00T00:00:00Z` for a time that has not come yet. */
export function isoOrZero(ms: number, now: number): string {
  return ms > now ? "0000-00-00T00:00:00Z" : new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
