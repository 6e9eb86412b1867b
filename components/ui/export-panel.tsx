"use client";

import { X } from "lucide-react";
import type { Dispatch, RefObject, SetStateAction } from "react";
import { formatCount } from "@/components/data-table/format-count";
import { streamExport, type ExportFormat, type ExportRecord, type PagedSource } from "./stream-export";

// The inside of ExportMenu's popover, loaded when it first opens (not needed for a page's first paint). The
// job lives in ExportMenu, so an export keeps running, and its progress stays, while the popover is closed.

export type ExportJob = { format: ExportFormat; done: number; total: number | null; error?: string; finished?: number };

export type ExportPanelProps<TRow, TCursor> = {
  source: PagedSource<TRow, TCursor>;
  toRecord: (row: TRow) => ExportRecord;
  rowKey?: (row: TRow) => string;
  filenameBase: string;
  totalHint?: number | null;
  job: ExportJob | null;
  setJob: Dispatch<SetStateAction<ExportJob | null>>;
  controller: RefObject<AbortController | null>;
};

export function ExportPanel<TRow, TCursor>({ source, toRecord, rowKey, filenameBase, totalHint, job, setJob, controller }: ExportPanelProps<TRow, TCursor>) {
  const running = job !== null && job.finished === undefined && !job.error;

  async function start(format: ExportFormat) {
    const ac = new AbortController();
    controller.current = ac;
    setJob({ format, done: 0, total: totalHint ?? null });
    try {
      const { parts, count } = await streamExport({
        source,
        toRecord,
        rowKey,
        format,
        signal: ac.signal,
        onProgress: (done, total) => setJob({ format, done, total: total ?? totalHint ?? null }),
      });
      const blob = new Blob(parts, { type: format === "csv" ? "text/csv;charset=utf-8" : "application/json" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `${filenameBase}.${format}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setJob({ format, done: count, total: count, finished: count });
    } catch (e) {
      if (ac.signal.aborted) setJob(null);
      else setJob((j) => ({ format, done: j?.done ?? 0, total: j?.total ?? null, error: e instanceof Error ? e.message : String(e) }));
    }
  }

  const pct = job && job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  return (
    <div className="space-y-2" data-testid="export-panel">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Every row matching the current filters, fetched page by page.</p>
      <div className="flex gap-2">
        {(["csv", "json"] as const).map((f) => (
          <button
            key={f}
            type="button"
            disabled={running}
            onClick={() => start(f)}
            className="flex-1 rounded-md border border-zinc-300 px-2 py-1 font-medium hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {f.toUpperCase()}
          </button>
        ))}
      </div>
      {job && (
        <div className="space-y-1" aria-live="polite">
          <div
            role="progressbar"
            aria-label="Export progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct ?? undefined}
            className="h-1.5 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700"
          >
            <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${job.finished !== undefined ? 100 : (pct ?? 5)}%` }} />
          </div>
          <p className="flex items-center justify-between text-xs" data-testid="export-status">
            <span>
              {job.error
                ? `Export failed: ${job.error}`
                : job.finished !== undefined
                  ? `Exported ${formatCount(job.finished)} rows as ${job.format.toUpperCase()}`
                  : `${formatCount(job.done)}${job.total != null ? ` of ${formatCount(job.total)}` : ""} rows…`}
            </span>
            {running && (
              <button
                type="button"
                onClick={() => controller.current?.abort()}
                className="inline-flex items-center gap-1 rounded border border-zinc-300 px-1.5 py-0.5 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                <X aria-hidden className="size-3" /> Cancel
              </button>
            )}
          </p>
        </div>
      )}
    </div>
  );
}
