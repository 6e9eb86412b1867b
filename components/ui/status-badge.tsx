import clsx from "clsx";
import type { LucideIcon } from "lucide-react";

/**
 * StatusBadge: a status shown by icon + text + colour together, never by colour alone (generic).
 * Props: `tone` ("neutral" | "info" | "progress" | "success" | "warning" | "danger"), `icon` (a lucide icon),
 * `label` (the visible text), `spin?` (animates the icon, for in-progress states), `title?`.
 */
export type BadgeTone = "neutral" | "info" | "progress" | "success" | "warning" | "danger";

const TONES: Record<BadgeTone, string> = {
  neutral: "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200",
  info: "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-200",
  progress: "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-200",
  success: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-200",
  warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200",
  danger: "border-red-300 bg-red-50 text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200",
};

export function StatusBadge({ tone, icon: Icon, label, spin, title }: { tone: BadgeTone; icon: LucideIcon; label: string; spin?: boolean; title?: string }) {
  return (
    <span
      title={title}
      className={clsx("inline-flex items-center gap-1 rounded-full border px-1.5 py-px text-xs font-medium whitespace-nowrap", TONES[tone])}
    >
      <Icon aria-hidden className={clsx("size-3", spin && "animate-spin [animation-duration:2.5s]")} />
      {label}
    </span>
  );
}
