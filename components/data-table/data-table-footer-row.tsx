"use client";

import { Loader2 } from "lucide-react";
import type { ReactNode } from "react";

/** The last virtual row: "Loading more…", a next-page error, or the end-of-list marker. */
export function DataTableFooterRow({
  top,
  height,
  state,
  error,
  loadedLabel,
}: {
  top: number;
  height: number;
  state: "loading" | "error" | "end";
  error?: ReactNode;
  loadedLabel: string;
}) {
  return (
    <tr
      data-testid={`data-table-${state}`}
      className="absolute flex w-full"
      style={{ transform: `translateY(${top}px)`, minHeight: height }}
    >
      <td className="flex w-full items-center justify-center gap-2 px-2 py-1 text-xs text-zinc-600 dark:text-zinc-300">
        {state === "loading" && (
          <>
            <Loader2 aria-hidden className="size-3.5 animate-spin" /> Loading more…
          </>
        )}
        {state === "error" && error}
        {state === "end" && <span>End of list · {loadedLabel}</span>}
      </td>
    </tr>
  );
}
