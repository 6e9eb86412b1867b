"use client";

import { Info, X } from "lucide-react";
import type { ReactNode } from "react";
import { clipForNotice } from "@/lib/url/params";

/**
 * NoticeBanner: a calm, dismissible notice (generic), e.g. URL parameters that were dropped or a clamped range.
 * Props: `children` (the message), `onDismiss?()`, `testId?`.
 */
export function NoticeBanner({ children, onDismiss, testId }: { children: ReactNode; onDismiss?: () => void; testId?: string }) {
  return (
    <div
      role="status"
      data-testid={testId}
      className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="flex-1">{children}</div>
      {onDismiss && (
        <button type="button" aria-label="Dismiss notice" onClick={onDismiss} className="rounded p-0.5 hover:bg-amber-100 dark:hover:bg-amber-900">
          <X aria-hidden className="size-4" />
        </button>
      )}
    </div>
  );
}

/** The standard text for dropped URL parameters. */
export function droppedParamsMessage(names: string[]): string {
  const list = names.map((n) => `“${clipForNotice(n)}”`).join(", ");
  return `Ignored invalid link parameter${names.length === 1 ? "" : "s"} ${list}; showing the defaults instead.`;
}
