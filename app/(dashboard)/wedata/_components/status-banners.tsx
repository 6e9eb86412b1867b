"use client";

import { AlertTriangle, Info, RotateCw, X } from "lucide-react";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/wedata/http";

/** An upstream or proxy error with everything support needs: Code, Message, RequestId, and a retry. */
export function ErrorBanner({ error, onRetry, title, children }: { error: unknown; onRetry?: () => void; title: string; children?: ReactNode }) {
  const e = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" data-testid="error-banner" className="flex items-start gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100">
      <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <p className="font-semibold">{title}</p>
        <p>
          {e ? <code className="mr-2 rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/70" data-testid="error-code">{e.code}</code> : null}
          <span data-testid="error-message">{message}</span>
        </p>
        {e?.requestId ? (
          <p className="text-xs text-red-800 dark:text-red-200">
            RequestId <code className="font-mono select-all" data-testid="error-request-id">{e.requestId}</code>
          </p>
        ) : null}
        {children}
      </div>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="inline-flex items-center gap-1 rounded-md border border-red-300 bg-white px-2 py-1 text-xs font-medium text-red-900 hover:bg-red-100 dark:border-red-700 dark:bg-red-900 dark:text-red-50 dark:hover:bg-red-800">
          <RotateCw className="size-3.5" aria-hidden /> Retry
        </button>
      ) : null}
    </div>
  );
}

/** Says which URL parameters were dropped and why; dismissible. */
export function UrlNotice({ items, onDismiss }: { items: { label: string; value: string }[]; onDismiss: () => void }) {
  return (
    <div role="status" data-testid="url-notice" className="flex items-start gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
      <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p className="flex-1">
        Some link parameters could not be read and were dropped:{" "}
        {items.map((i, n) => (
          <span key={i.label}>
            {n > 0 ? ", " : ""}
            {i.label} <code className="font-mono text-xs">“{i.value.length > 40 ? `${i.value.slice(0, 40)}…` : i.value}”</code>
          </span>
        ))}
        .
      </p>
      <button type="button" onClick={onDismiss} aria-label="Dismiss notice" className="rounded p-0.5 hover:bg-amber-100 dark:hover:bg-amber-900">
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
