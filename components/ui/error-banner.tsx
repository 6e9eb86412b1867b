"use client";

import { AlertTriangle, RotateCw } from "lucide-react";

/**
 * ErrorBanner: an upstream or API error with its Code, Message and RequestId, and a Retry (generic).
 * Props: `title` (what failed, e.g. "Refresh failed"), `code`, `message`, `requestId?: string | null`,
 * `onRetry?()`, `retrying?`, `note?` (e.g. "Showing the last good data from 12:03:04").
 */
export function ErrorBanner({
  title,
  code,
  message,
  requestId,
  onRetry,
  retrying,
  note,
}: {
  title: string;
  code: string;
  message: string;
  requestId?: string | null;
  onRetry?: () => void;
  retrying?: boolean;
  note?: string;
}) {
  return (
    <div
      role="alert"
      data-testid="error-banner"
      className="flex items-start gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        <p className="break-words">
          <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/60">{code}</code> {message}
        </p>
        <p className="text-xs text-red-800 dark:text-red-200">
          RequestId: <span className="font-mono select-all">{requestId || "none (the request did not reach Tencent)"}</span>
          {note ? <span> · {note}</span> : null}
        </p>
      </div>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="inline-flex shrink-0 items-center gap-1 rounded-md border border-red-400 bg-white px-2 py-1 text-xs font-medium text-red-900 hover:bg-red-100 disabled:opacity-60 dark:border-red-700 dark:bg-red-900 dark:text-red-100 dark:hover:bg-red-800"
        >
          <RotateCw aria-hidden className={retrying ? "size-3.5 animate-spin" : "size-3.5"} /> Retry
        </button>
      )}
    </div>
  );
}
