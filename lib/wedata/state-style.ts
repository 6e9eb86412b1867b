import {
  CircleCheck,
  CircleDashed,
  CircleHelp,
  CircleX,
  Clock,
  GitBranch,
  Hourglass,
  LoaderCircle,
  RotateCcw,
  SkipForward,
  type LucideIcon,
} from "lucide-react";
import type { InstanceState } from "./wire";

// Colour and icon per state. Status is never told by colour alone: each tone has a distinct icon and the
// badge always carries the name. Chart fills use the same hue so a bar and a badge match.

export type StateTone = "success" | "danger" | "warning" | "running" | "waiting" | "muted";

export const STATE_TONE: Record<InstanceState, StateTone> = {
  WAIT_EVENT: "waiting",
  WAIT_UPSTREAM: "waiting",
  WAIT_RUN: "waiting",
  RUNNING: "running",
  SKIP_RUNNING: "muted",
  FAILED_RETRY: "warning",
  EXPIRED: "danger",
  COMPLETED: "success",
};

export const STATE_ICON: Record<InstanceState, LucideIcon> = {
  WAIT_EVENT: Clock,
  WAIT_UPSTREAM: GitBranch,
  WAIT_RUN: Hourglass,
  RUNNING: LoaderCircle,
  SKIP_RUNNING: SkipForward,
  FAILED_RETRY: RotateCcw,
  EXPIRED: CircleX,
  COMPLETED: CircleCheck,
};

/** Chart colours (readable on white and on zinc-950). */
export const STATE_COLOR: Record<InstanceState, string> = {
  WAIT_EVENT: "#a78bfa",
  WAIT_UPSTREAM: "#818cf8",
  WAIT_RUN: "#94a3b8",
  RUNNING: "#38bdf8",
  SKIP_RUNNING: "#a1a1aa",
  FAILED_RETRY: "#f59e0b",
  EXPIRED: "#ef4444",
  COMPLETED: "#22c55e",
};

export const TONE_CLASSES: Record<StateTone, string> = {
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-400/30",
  danger: "bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-400/30",
  warning: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/60 dark:text-amber-300 dark:ring-amber-400/30",
  running: "bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950/60 dark:text-sky-300 dark:ring-sky-400/30",
  waiting: "bg-violet-50 text-violet-800 ring-violet-600/30 dark:bg-violet-950/60 dark:text-violet-300 dark:ring-violet-400/30",
  muted: "bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/30",
};

export function stateTone(state: string | null | undefined): StateTone {
  return STATE_TONE[state as InstanceState] ?? "muted";
}

export function stateIcon(state: string | null | undefined): LucideIcon {
  return STATE_ICON[state as InstanceState] ?? CircleHelp;
}

export function detailStateIcon(state: string | null | undefined): LucideIcon {
  if (state === "COMPLETE") return CircleCheck;
  if (state === "FAILED" || state === "EXPIRED") return CircleX;
  if (state === "RUNNING") return LoaderCircle;
  if (state === "HISTORY") return CircleDashed;
  return stateIcon(state);
}

export function detailStateColor(state: string | null | undefined): string {
  if (state === "COMPLETE") return STATE_COLOR.COMPLETED;
  if (state === "FAILED") return STATE_COLOR.FAILED_RETRY;
  if (state === "HISTORY") return "#71717a";
  return STATE_COLOR[state as InstanceState] ?? "#a1a1aa";
}
