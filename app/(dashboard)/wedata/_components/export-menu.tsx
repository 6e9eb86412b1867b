"use client";

import Papa from "papaparse";
import { Download, X } from "lucide-react";
import { useRef, useState } from "react";
import { streamsOf, type InstanceFilters } from "@/lib/wedata/filters";
import { foldStreams, mergeStreams, type StreamPage } from "@/lib/wedata/merge";
import { apiTimeToInstant, formatInZone } from "@/lib/wedata/time-zone";
import type { TaskInstance } from "@/lib/wedata/wire";
import { fetchStreamPage } from "../query-options";

// Export of the whole filtered set, streamed page by page through the proxy (which keeps WeData's 20/s),
// with progress and cancel. Times become ISO 8601 with the display zone's offset, so a file is unambiguous.

const TIME_FIELDS = ["StartTime", "EndTime", "SchedulerTime", "LastUpdateTime"] as const;

function inZone(item: TaskInstance, zone: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  for (const f of TIME_FIELDS) {
    const instant = apiTimeToInstant(item[f]);
    out[f] = instant ? formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ssxxx") : null;
  }
  out.OwnerUinList = item.OwnerUinList?.join(";") ?? "";
  return out;
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportMenu({ filters, zone, total }: { filters: InstanceFilters; zone: string; total: number | null }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  async function run(format: "csv" | "json") {
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    const now = new Date();
    const pages: StreamPage[] = [];
    try {
      let expected = total ?? 0;
      setProgress({ done: 0, total: expected });
      for (const stream of streamsOf(filters)) {
        for (let page = 1; ; page++) {
          const p = await fetchStreamPage(filters, stream ?? "*", page, now, controller.signal);
          if (page === 1 && total == null) expected += p.totalCount;
          pages.push(p);
          setProgress((prev) => ({ done: (prev?.done ?? 0) + p.items.length, total: expected }));
          if (p.items.length === 0 || page >= p.totalPages) break;
        }
      }
      const rows = mergeStreams(foldStreams(pages), filters.sort, filters.dir).rows.map((r) => inZone(r, zone));
      const stamp = formatInZone(now, zone, "yyyyMMdd-HHmmss");
      if (format === "csv") download(`wedata-instances-${stamp}.csv`, "text/csv", Papa.unparse(rows));
      else download(`wedata-instances-${stamp}.json`, "application/json", JSON.stringify(rows, null, 2));
    } catch (e) {
      if ((e as Error).name !== "AbortError") setError((e as Error).message);
    } finally {
      setProgress(null);
      abortRef.current = null;
    }
  }

  const btn =
    "inline-flex h-8 items-center gap-1 rounded-md border border-zinc-300 bg-white px-2 text-xs font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";
  if (progress) {
    const pct = progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
    return (
      <div className="flex items-center gap-2 text-xs" data-testid="export-progress">
        <progress className="h-2 w-28" max={100} value={pct} aria-label="Export progress" />
        <span className="tabular-nums">
          {progress.done.toLocaleString("en-US")} of {progress.total.toLocaleString("en-US")}
        </span>
        <button type="button" className={btn} onClick={() => abortRef.current?.abort()}>
          <X className="size-3.5" aria-hidden /> Cancel export
        </button>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Export">
      <button type="button" className={btn} onClick={() => run("csv")}>
        <Download className="size-3.5" aria-hidden /> CSV
      </button>
      <button type="button" className={btn} onClick={() => run("json")}>
        <Download className="size-3.5" aria-hidden /> JSON
      </button>
      {error ? <span role="alert" className="text-xs text-red-700 dark:text-red-300">Export failed: {error}</span> : null}
    </div>
  );
}
