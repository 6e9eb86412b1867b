"use client";

import { ErrorBanner } from "@/components/ui/error-banner";
import { NoticeBanner } from "@/components/ui/notice-banner";
import { ApiError } from "@/lib/api/get-json";

/** The generic error banner fed from a thrown ApiError (Code, Message, RequestId) or any other error. */
export function ApiErrorBanner({ error, title, onRetry, note }: { error: unknown; title: string; onRetry?: () => void; note?: string }) {
  const e = error instanceof ApiError ? error : null;
  return (
    <ErrorBanner
      title={title}
      code={e?.code ?? "Error"}
      message={error instanceof Error ? error.message : String(error)}
      requestId={e?.requestId ?? null}
      onRetry={onRetry}
      note={note}
    />
  );
}

/** Names the URL parameters that could not be read and were dropped. */
export function UrlNotice({ items, onDismiss }: { items: { label: string; value: string }[]; onDismiss: () => void }) {
  return (
    <NoticeBanner testId="url-notice" onDismiss={onDismiss}>
      Some link parameters could not be read and were dropped:{" "}
      {items.map((i, n) => (
        <span key={i.label}>
          {n > 0 ? ", " : ""}
          {i.label} <code className="font-mono text-xs">“{i.value.length > 40 ? `${i.value.slice(0, 40)}…` : i.value}”</code>
        </span>
      ))}
      . Showing the defaults for them instead.
    </NoticeBanner>
  );
}
