"use client";

import { ArrowUp } from "lucide-react";
import { formatCount } from "@/components/data-table/format-count";

/** "3 new tasks": announced above the table instead of moving the rows under the reader's eyes. */
export function NewTasksButton({ count, onShow }: { count: number; onShow: () => void }) {
  if (count <= 0) return null;
  return (
    <div className="mb-1 flex justify-center">
      <button
        type="button"
        onClick={onShow}
        data-testid="new-tasks"
        className="inline-flex items-center gap-1.5 rounded-full border border-sky-300 bg-sky-50 px-3 py-1 text-sm font-medium text-sky-900 shadow-sm hover:bg-sky-100 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100 dark:hover:bg-sky-900"
      >
        <ArrowUp aria-hidden className="size-4" /> {formatCount(count)} new task{count === 1 ? "" : "s"}: show
      </button>
    </div>
  );
}
