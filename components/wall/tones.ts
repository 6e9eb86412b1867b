// Colours of the wall, high contrast on both themes (checked with axe). Each status has one colour
// everywhere: amber waits, sky runs, emerald finished, red failed.

export const TONE = {
  waiting: "text-amber-700 dark:text-amber-300",
  running: "text-sky-700 dark:text-sky-300",
  ok: "text-emerald-700 dark:text-emerald-300",
  failed: "text-red-700 dark:text-red-300",
  muted: "text-zinc-700 dark:text-zinc-300",
  plain: "text-zinc-950 dark:text-white",
} as const;

export const BAR = {
  waiting: "bg-amber-500 dark:bg-amber-300",
  running: "bg-sky-600 dark:bg-sky-400",
  ok: "bg-emerald-600 dark:bg-emerald-400",
  failed: "bg-red-600 dark:bg-red-500",
} as const;

export type Tone = keyof typeof TONE;

export const WEDATA_STATE_TONE: Record<string, Tone> = {
  WAIT_EVENT: "waiting",
  WAIT_UPSTREAM: "waiting",
  WAIT_RUN: "waiting",
  RUNNING: "running",
  SKIP_RUNNING: "muted",
  FAILED_RETRY: "failed",
  EXPIRED: "failed",
  COMPLETED: "ok",
};

export const SOURCE_BADGE = {
  mps: "bg-violet-200 text-violet-950 dark:bg-violet-300 dark:text-violet-950",
  wedata: "bg-teal-200 text-teal-950 dark:bg-teal-300 dark:text-teal-950",
} as const;
