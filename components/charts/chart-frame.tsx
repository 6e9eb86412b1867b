import type { ReactNode } from "react";

/** A titled chart card; `summary` is a short text equivalent for screen readers (charts are pictures). */
export function ChartFrame({ title, summary, children, action }: { title: string; summary: string; children: ReactNode; action?: ReactNode }) {
  return (
    <figure className="flex min-w-0 flex-col [--chart-tooltip-bg:#ffffff] [--chart-tooltip-fg:#18181b] dark:[--chart-tooltip-bg:#18181b] dark:[--chart-tooltip-fg:#f4f4f5] rounded-md border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <figcaption className="mb-1 flex items-baseline justify-between gap-2">
        <span className="text-xs font-semibold text-zinc-700 dark:text-zinc-200">{title}</span>
        {action}
        <span className="sr-only">{summary}</span>
      </figcaption>
      {children}
    </figure>
  );
}

export { ChartSkeleton } from "./chart-skeleton";
