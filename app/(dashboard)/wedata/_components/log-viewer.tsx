"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Fragment, useMemo, useState } from "react";
import { LOG_LEVEL_VALUES } from "../search-params";
import { logQuery } from "../query-options";
import { inputClass } from "./field";
import { ApiErrorBanner } from "./status-banners";

function highlight(line: string, term: string) {
  if (!term) return line;
  const lower = line.toLowerCase();
  const t = term.toLowerCase();
  const parts: (string | { hit: string })[] = [];
  let at = 0;
  for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length)) {
    parts.push(line.slice(at, i), { hit: line.slice(i, i + t.length) });
    at = i + t.length;
  }
  parts.push(line.slice(at));
  return parts.map((p, i) =>
    typeof p === "string" ? <Fragment key={i}>{p}</Fragment> : <mark key={i} className="rounded-sm bg-amber-200 text-zinc-950 dark:bg-amber-500/70">{p.hit}</mark>,
  );
}

/** The instance's log: level filter (in the URL), "load more" through NextCursor, and in-log search. */
export function LogViewer({
  project,
  instanceKey,
  round,
  level,
  onLevelChange,
}: {
  project: string;
  instanceKey: string;
  round: number | null;
  level: (typeof LOG_LEVEL_VALUES)[number];
  onLevelChange: (l: (typeof LOG_LEVEL_VALUES)[number]) => void;
}) {
  const [search, setSearch] = useState("");
  const q = useInfiniteQuery(logQuery(project, instanceKey, round, level));
  const lines = useMemo(() => (q.data?.pages ?? []).flatMap((p) => (p.Data?.LogInfo ?? "").split("\n")).filter((l, i, a) => l !== "" || i < a.length - 1), [q.data]);
  const hits = search ? lines.filter((l) => l.toLowerCase().includes(search.toLowerCase())).length : 0;
  const code = q.data?.pages[0]?.Data?.CodeContent;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="wd-log-level" className="text-xs font-medium">
          Level
        </label>
        <select id="wd-log-level" className={inputClass} value={level} onChange={(e) => onLevelChange(e.target.value as typeof level)}>
          {LOG_LEVEL_VALUES.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <label htmlFor="wd-log-search" className="sr-only">
          Search the log
        </label>
        <input id="wd-log-search" type="search" className={`${inputClass} flex-1`} placeholder="Search the log" value={search} onChange={(e) => setSearch(e.target.value)} />
        {search ? (
          <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-300" data-testid="log-hits">
            {hits} matching line{hits === 1 ? "" : "s"}
          </span>
        ) : null}
      </div>
      {q.error ? <ApiErrorBanner title="The log could not be loaded" error={q.error} onRetry={() => q.refetch()} /> : null}
      {code ? (
        <details className="text-xs">
          <summary className="cursor-pointer font-medium">Task code</summary>
          <pre className="mt-1 max-h-40 overflow-auto rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-900">{code}</pre>
        </details>
      ) : null}
      <pre
        data-testid="log-lines"
        tabIndex={0}
        aria-label="Log"
        className="max-h-[45vh] min-h-24 overflow-auto rounded-md bg-zinc-950 p-2 font-mono text-[11.5px] leading-5 text-zinc-100"
      >
        {q.isPending ? "Loading log…" : lines.length === 0 ? "This log is empty at this level." : lines.map((l, i) => <div key={i}>{highlight(l, search)}</div>)}
      </pre>
      <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-300">
        <span className="tabular-nums" data-testid="log-count">
          {lines.length.toLocaleString("en-US")} lines · {q.data?.pages.length ?? 0} page{(q.data?.pages.length ?? 0) === 1 ? "" : "s"}
        </span>
        {q.hasNextPage ? (
          <button
            type="button"
            onClick={() => q.fetchNextPage()}
            disabled={q.isFetchingNextPage}
            className="rounded-md border border-zinc-300 px-2 py-1 font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {q.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : q.data ? (
          <span data-testid="log-end">End of log</span>
        ) : null}
      </div>
    </div>
  );
}
