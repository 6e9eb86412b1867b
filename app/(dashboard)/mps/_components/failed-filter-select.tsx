"use client";

import type { FailedFilter } from "@/lib/mps/status";

/** DescribeTasks' SubTaskHasFailed as a three-way select. */
export function FailedFilterSelect({ value, disabled, onChange }: { value: FailedFilter; disabled?: boolean; onChange: (v: FailedFilter) => void }) {
  return (
    <label className="inline-flex h-8 items-center gap-1 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      <span className="text-zinc-600 dark:text-zinc-400">Sub-task failures</span>
      <select
        aria-label="Sub-task failures"
        data-testid="failed-filter"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as FailedFilter)}
        className="bg-transparent text-zinc-800 outline-none disabled:opacity-60 dark:text-zinc-100 [&>*]:bg-white dark:[&>*]:bg-zinc-900"
      >
        <option value="any">Any</option>
        <option value="yes">Has failed sub-tasks</option>
        <option value="no">No failed sub-tasks</option>
      </select>
    </label>
  );
}
