"use client";

import type { ReactNode } from "react";
import { useFitCount } from "./use-fit-count";

export const ROW_REM = 2.6;

/**
 * A list that shows only the rows that fit entirely (never a half-cut row), plus "+ N more" when some don't.
 * `items` should already be in display order.
 */
export function FittedList<T>({ items, empty, render, testId }: { items: T[]; empty: ReactNode; render: (item: T) => ReactNode; testId: string }) {
  const [ref, fit] = useFitCount<HTMLOListElement>(ROW_REM);
  // Before the list is measured (the server's HTML, the hydration) every item is rendered and the rows that
  // do not fit whole wrap into a second column, outside the clipped box: only whole rows show, without
  // "+ N more" until the measure replaces this.
  const overflow = fit !== null && items.length > fit;
  // Keep one row for the "+ N more" line when the list doesn't fit.
  const shown = overflow ? items.slice(0, Math.max(0, fit - 1)) : items;
  return (
    <ol ref={ref} className="absolute inset-0 flex flex-col flex-wrap content-start overflow-hidden *:w-full" data-testid={testId} data-fit={fit ?? undefined}>
      {items.length === 0 ? <li className="flex h-[2.6rem] shrink-0 items-center">{empty}</li> : null}
      {shown.map(render)}
      {overflow && fit > 0 ? (
        <li className="flex h-[2.6rem] shrink-0 items-center text-[1.2rem] text-zinc-700 dark:text-zinc-300">+ {items.length - shown.length} more</li>
      ) : null}
    </ol>
  );
}
