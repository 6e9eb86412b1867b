"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useState } from "react";
// The table's own modules, not its index: the index also loads the column menu, which comes later (lazily).
import { DataTable } from "@/components/data-table/data-table";
import { isTypingTarget } from "@/components/data-table/use-row-keyboard";
import { LiveRefreshControl } from "@/components/live/live-refresh-control";
import { useLiveRefresh } from "@/components/live/use-live-refresh";
import { CopyLinkMenu } from "@/components/ui/copy-link-menu";
import { ColumnMenu } from "@/components/ui/lazy-column-menu";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ExportMenu } from "@/components/ui/export-menu";
import { NoticeBanner, droppedParamsMessage } from "@/components/ui/notice-banner";
import { TimeZonePicker } from "@/components/ui/time-zone-picker";
import { PageFlattener } from "@/lib/collections/flatten-pages";
import { isApiError, type ApiError } from "@/lib/api/get-json";
import { STATUS_TAB_LABELS, type StatusTab } from "@/lib/mps/status";
import { fetchTaskPage, type TaskCursor, type TaskRow } from "@/lib/mps/task-stream";
import { RANGE_LABELS, resolveWindow, toApiTime } from "@/lib/time/window";
import { formatInZone, zoneLabel } from "@/lib/time/zone";
import { ChartsPanel, TaskDrawer } from "./_components/lazy";
import { taskExportRecord } from "./_components/export-record";
import { FailedFilterSelect } from "./_components/failed-filter-select";
import { NewTasksButton } from "./_components/new-tasks-button";
import { StatusTabs } from "./_components/status-tabs";
import { TimeRangePicker } from "./_components/time-range-picker";
import { useViewerZone } from "./_components/use-viewer-zone";
import { COLUMN_MENU_ITEMS, DEFAULT_COLUMNS, mpsColumns } from "./columns";
import { newTasksQueryOptions, statsQueryOptions, tasksQueryOptions } from "./query-options";
import { filtersOf, MPS_COLUMN_IDS, mpsParsers, REFRESH_INTERVALS, REFRESH_MS, serializeMps, type MpsColumnId } from "./search-params";

// Merged streams may meet a task twice across pages (it changed status between reads): the first is kept.
const taskRows = new PageFlattener<{ rows: TaskRow[] }, TaskRow>(
  (page) => page.rows,
  (row) => row.TaskId,
);

const REFRESH_OPTIONS = REFRESH_INTERVALS.map((v) => ({ value: v, label: v === "off" ? "Off" : v }));

export function MpsClient({ invalidParams }: { invalidParams: string[] }) {
  const [params, setParams] = useQueryStates(mpsParsers, { history: "push" });
  const queryClient = useQueryClient();
  const viewerZone = useViewerZone();
  const zone = params.tz ?? viewerZone;
  const zoneName = zoneLabel(zone);

  // Invalid URL parameters: named once in a notice, and removed from the URL (replace: not a new history step).
  const [dropped, setDropped] = useState(invalidParams);
  useEffect(() => {
    if (invalidParams.length > 0) void setParams(Object.fromEntries(invalidParams.map((k) => [k, null])), { history: "replace" });
  }, [invalidParams, setParams]);

  const { status, failed, range, from, to } = params;
  const filters = useMemo(() => filtersOf({ status, failed, range, from, to }), [status, failed, range, from, to]);

  const tasks = useInfiniteQuery(tasksQueryOptions(filters));
  const rows = useMemo(() => taskRows.flatten(tasks.data?.pages ?? []), [tasks.data]);
  const firstPage = tasks.data?.pages[0];

  const stats = useQuery(statsQueryOptions({ failed, range, from, to }));

  const currentEndTime = useCallback(
    () => (filters.window.preset ? toApiTime(resolveWindow(filters.window, Date.now()).end) : (firstPage?.window.endTime ?? toApiTime(new Date()))),
    [filters.window, firstPage],
  );
  const newTasks = useQuery(newTasksQueryOptions(filters, rows.at(0)?.CreateTime ?? null, currentEndTime));

  const live = useLiveRefresh(REFRESH_MS[params.refresh], async () => {
    const [s, n] = await Promise.all([stats.refetch(), newTasks.refetch()]);
    return !s.isError && !n.isError;
  });

  const showNewTasks = useCallback(() => {
    void queryClient.resetQueries({ queryKey: tasksQueryOptions(filters).queryKey });
    queryClient.setQueryData(newTasksQueryOptions(filters, rows.at(0)?.CreateTime ?? null, currentEndTime).queryKey, 0);
  }, [queryClient, filters, rows, currentEndTime]);

  // "/" focuses the filters (the active status tab), as in most list tools.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "/" || isTypingTarget(e.target) || e.metaKey || e.ctrlKey) return;
      e.preventDefault();
      document.querySelector<HTMLElement>('#mps-filters [aria-pressed="true"]')?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const colNow = Math.floor(live.now / 5_000) * 5_000;
  const columns = useMemo(() => mpsColumns(zone, zoneName, colNow), [zone, zoneName, colNow]);
  const visibleCols: MpsColumnId[] = params.cols?.length ? (params.cols.includes("taskId") ? params.cols : ["taskId", ...params.cols]) : DEFAULT_COLUMNS;
  const columnVisibility = Object.fromEntries(MPS_COLUMN_IDS.map((id) => [id, visibleCols.includes(id)]));
  const columnOrder = [...visibleCols, ...MPS_COLUMN_IDS.filter((id) => !visibleCols.includes(id))];
  const setColumns = (order: string[], visibility: Record<string, boolean>) => {
    const next = order.filter((id): id is MpsColumnId => visibility[id] !== false && (MPS_COLUMN_IDS as readonly string[]).includes(id));
    void setParams({ cols: next.join(",") === DEFAULT_COLUMNS.join(",") ? null : next });
  };

  const setTab = (tab: StatusTab) => void setParams({ status: tab, task: null });

  const pinnedUrl = () => {
    const w = firstPage?.window ?? { startTime: toApiTime(resolveWindow(filters.window, Date.now()).start), endTime: currentEndTime() };
    return `${location.origin}${location.pathname}${serializeMps({ ...params, from: new Date(w.startTime), to: new Date(w.endTime), tz: zone })}`;
  };

  // Errors: a failed first load replaces the table body; a failed refresh keeps the last good data on screen.
  const refreshError = (newTasks.error ?? stats.error) as ApiError | Error | null;
  const loadError = tasks.isError && !tasks.data ? tasks.error : null;
  const nextPageError = tasks.isFetchNextPageError && isApiError(tasks.error) ? tasks.error : null;
  const lastGood = Math.max(stats.dataUpdatedAt, tasks.dataUpdatedAt, newTasks.dataUpdatedAt) || null;

  const windowText = firstPage
    ? `${formatInZone(new Date(firstPage.window.startTime), zone, "yyyy-MM-dd HH:mm")} → ${filters.window.preset ? "now" : formatInZone(new Date(firstPage.window.endTime), zone, "yyyy-MM-dd HH:mm")}`
    : null;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-lg font-semibold tracking-tight">MPS tasks</h1>
          <p
            className="text-xs text-zinc-600 dark:text-zinc-400"
            data-testid="window-text"
            data-start={firstPage?.window.startTime}
            data-end={firstPage?.window.endTime}
          >
            {filters.window.preset ? `Created in the last ${RANGE_LABELS[filters.window.preset]}` : "Created in a fixed range"}
            {windowText ? ` · ${windowText} (${zoneName})` : ""}
          </p>
        </div>
        <LiveRefreshControl
          value={params.refresh}
          options={REFRESH_OPTIONS}
          onChange={(v) => void setParams({ refresh: v }, { history: "replace" })}
          state={live}
          lastUpdatedAt={lastGood}
        />
      </div>

      {dropped.length > 0 && (
        <NoticeBanner testId="url-notice" onDismiss={() => setDropped([])}>
          {droppedParamsMessage(dropped)}
        </NoticeBanner>
      )}
      {firstPage?.clampNote && <NoticeBanner testId="clamp-notice">{firstPage.clampNote}</NoticeBanner>}
      {loadError && (
        <ErrorBanner
          title="Could not load MPS tasks"
          code={isApiError(loadError) ? loadError.code : "Error"}
          message={loadError.message}
          requestId={isApiError(loadError) ? loadError.requestId : null}
          onRetry={() => void tasks.refetch()}
          retrying={tasks.isFetching}
        />
      )}
      {!loadError && refreshError && (
        <ErrorBanner
          title="Refresh failed"
          code={isApiError(refreshError) ? refreshError.code : "Error"}
          message={refreshError.message}
          requestId={isApiError(refreshError) ? refreshError.requestId : null}
          onRetry={live.refreshNow}
          retrying={live.running}
          note={lastGood ? `showing the last good data from ${formatInZone(lastGood, zone, "HH:mm:ss")}` : undefined}
        />
      )}

      <div className="flex flex-wrap items-center gap-2">
        <StatusTabs value={params.status} counts={stats.data?.counts} onChange={setTab} />
        <FailedFilterSelect value={params.status === "failed" ? "yes" : params.failed} disabled={params.status === "failed"} onChange={(v) => void setParams({ failed: v })} />
        <TimeRangePicker
          preset={params.range}
          from={params.from}
          to={params.to}
          zone={zone}
          onPreset={(p) => void setParams({ range: p, from: null, to: null })}
          onAbsolute={(f, t) => void setParams({ from: f, to: t })}
        />
        <div className="ml-auto flex items-center gap-2">
          <TimeZonePicker value={zone} viewerZone={viewerZone} explicit={params.tz !== null} onChange={(z) => void setParams({ tz: z })} />
          <ColumnMenu
            columns={COLUMN_MENU_ITEMS}
            order={columnOrder}
            visibility={columnVisibility}
            onChange={({ order, visibility }) => setColumns(order, visibility)}
            onReset={() => void setParams({ cols: null })}
          />
          <ExportMenu<TaskRow, TaskCursor>
            source={(cursor, signal) => fetchTaskPage(filters, cursor, signal)}
            toRecord={(r: TaskRow) => taskExportRecord(r, Date.now())}
            rowKey={(r: TaskRow) => r.TaskId}
            filenameBase={`mps-tasks-${params.status}-${formatInZone(live.now, zone, "yyyyMMdd-HHmm")}`}
            totalHint={firstPage?.total ?? null}
          />
          <CopyLinkMenu liveUrl={() => location.href} pinnedUrl={pinnedUrl} />
        </div>
      </div>

      <ChartsPanel stats={stats.data} zone={zone} zoneName={zoneName} activeTab={params.status} onSelectTab={setTab} />

      <DataTable
        label={`MPS tasks: ${STATUS_TAB_LABELS[params.status]}`}
        columns={columns}
        rows={rows}
        getRowId={(r) => r.TaskId}
        total={firstPage?.total ?? null}
        hasNextPage={tasks.hasNextPage}
        isFetchingNextPage={tasks.isFetchingNextPage}
        fetchNextPage={() => void tasks.fetchNextPage()}
        nextPageError={
          nextPageError ? (
            <span className="flex items-center gap-2 text-red-700 dark:text-red-300">
              Loading more failed: <code className="font-mono">{nextPageError.code}</code> {nextPageError.message}
              {nextPageError.requestId ? <span className="font-mono">(RequestId {nextPageError.requestId})</span> : null}
              <button type="button" className="rounded border border-red-400 px-1.5 py-0.5" onClick={() => void tasks.fetchNextPage()}>
                Retry
              </button>
            </span>
          ) : undefined
        }
        isLoading={tasks.isPending}
        empty={
          loadError ? (
            "Could not load tasks: see the error above."
          ) : (
            <span data-testid="empty-state">
              <span className="block font-medium text-zinc-800 dark:text-zinc-100">No tasks match.</span>
              No {params.status === "all" ? "" : `${STATUS_TAB_LABELS[params.status].toLowerCase()} `}tasks
              {params.failed !== "any" && params.status !== "failed" ? (params.failed === "yes" ? " with failed sub-tasks" : " without failed sub-tasks") : ""} were created
              {windowText ? ` between ${windowText} (${zoneName})` : " in this time range"}. Try a wider time range or the All tab.
            </span>
          )
        }
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={(v) => setColumns(columnOrder, v)}
        columnOrder={columnOrder}
        onColumnOrderChange={(o) => setColumns(o, columnVisibility)}
        onRowOpen={(r) => void setParams({ task: r.TaskId })}
        selectedRowId={params.task}
        keyboard={!params.task}
        topSlot={<NewTasksButton count={newTasks.data ?? 0} onShow={showNewTasks} />}
        noun={["task", "tasks"]}
        className="h-[max(420px,calc(100vh-9rem))]"
      />

      {params.task && <TaskDrawer taskId={params.task} zone={zone} zoneName={zoneName} onClose={() => void setParams({ task: null })} />}
    </div>
  );
}
