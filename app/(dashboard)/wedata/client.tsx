"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowUp } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
// The table's own modules, not its index: the index also loads the column menu, which comes later (lazily).
import { DataTable } from "@/components/data-table/data-table";
import { isTypingTarget } from "@/components/data-table/use-row-keyboard";
import { LiveRefreshControl } from "@/components/live/live-refresh-control";
import { useLiveRefresh } from "@/components/live/use-live-refresh";
import { CopyLinkMenu } from "@/components/ui/copy-link-menu";
import { ColumnMenu } from "@/components/ui/lazy-column-menu";
import { ExportMenu } from "@/components/ui/export-menu";
import { TimeZonePicker } from "@/components/ui/time-zone-picker";
import { mapRowList, type RowList } from "@/lib/collections/row-list";
import { pinTimeRange } from "@/lib/wedata/time-range";
import { viewerTimeZone, zoneLabel } from "@/lib/wedata/time-zone";
import type { TaskInstance } from "@/lib/wedata/wire";
import { FiltersBar, type SetParams } from "./_components/filters-bar";
import { ChartsPanel, EmptyState, InstanceDrawer } from "./_components/lazy";
import { ApiErrorBanner, UrlNotice } from "./_components/status-banners";
import { instanceRecord, instancesSource } from "./export-source";
import { COLUMN_LABELS, instanceColumns } from "./columns";
import { configQuery, foldListing, headQuery, instancesQuery, statsQuery } from "./query-options";
import { COLUMN_IDS, DEFAULT_COLUMNS, findInvalidParams, REFRESH_INTERVALS, REFRESH_MS, serializeWedata, toFilters, wedataParsers, type ColumnId } from "./search-params";

const REFRESH_OPTIONS = REFRESH_INTERVALS.map((value) => ({ value, label: { off: "Off", "10s": "10 s", "30s": "30 s", "1m": "1 min", "5m": "5 min" }[value] }));

const noopSubscribe = () => () => {};

export function WedataClient() {
  const [params, setParamsRaw] = useQueryStates(wedataParsers, { history: "push" });
  const set: SetParams = useCallback((patch) => void setParamsRaw(patch), [setParamsRaw]);
  const queryClient = useQueryClient();

  // The viewer's zone is only known in the browser; until then (server render) the page shows skeletons.
  const viewerZone = useSyncExternalStore(noopSubscribe, viewerTimeZone, () => null);
  const zone = params.tz ?? viewerZone ?? "UTC";
  const zoneShort = zone;

  // Invalid URL parameters: named once in a notice, then dropped from the URL.
  const search = useSearchParams();
  const [invalid] = useState(() => findInvalidParams(new URLSearchParams(search.toString())));
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  const notice = noticeDismissed ? [] : invalid;
  useEffect(() => {
    if (invalid.length) void setParamsRaw(Object.fromEntries(invalid.map((b) => [b.key, null])), { history: "replace" });
  }, [invalid, setParamsRaw]);

  const config = useQuery(configQuery());
  const project = params.project ?? config.data?.wedataProjectIds[0] ?? null;
  const filters = useMemo(() => (project ? toFilters(params, project) : null), [params, project]);


  // Until the project is known (config loading) the queries are built on a placeholder and stay disabled.
  const queryFilters = filters ?? toFilters(params, "");
  const listing = useInfiniteQuery({ ...instancesQuery(queryFilters), enabled: !!filters && !!viewerZone });
  // The head probe and the charts are refreshed by the live timer (paused in hidden tabs, slower on failure).
  const head = useQuery({ ...headQuery(queryFilters), enabled: !!filters && !!viewerZone && listing.isSuccess });

  const statsSearch = useMemo(() => {
    const s = new URLSearchParams(serializeWedata({ ...params, open: null, cols: null, level: null, refresh: null, tz: null }).replace(/^\?/, ""));
    if (project) s.set("project", project);
    return s;
  }, [params, project]);
  const stats = useQuery({ ...statsQuery(statsSearch), enabled: !!project && !!viewerZone });

  const live = useLiveRefresh(REFRESH_MS[params.refresh], async () => {
    if (listing.isError && !listing.data) {
      const [l, s] = await Promise.all([listing.refetch(), stats.refetch()]);
      return !l.error && !s.error;
    }
    const [h, s] = await Promise.all([head.refetch(), stats.refetch()]);
    return !h.error && !s.error;
  });
  const refreshNow = live.refreshNow;

  const { rows, total, isLoaded } = useMemo(() => {
    if (!listing.data || !filters) return { rows: [] as RowList<TaskInstance>, total: null as number | null, isLoaded: () => false };
    return foldListing(listing.data.pages, filters);
  }, [listing.data, filters]);

  // Live: the head probe refreshes rows already on screen in place, and counts instances not yet shown as
  // "N new" instead of inserting them under the reader's eyes.
  const { displayRows, newCount } = useMemo(() => {
    const fresh = new Map<string, TaskInstance>();
    let newCount = 0;
    if (head.data && head.dataUpdatedAt > (listing.dataUpdatedAt || 0)) {
      for (const p of head.data.pages)
        for (const item of p.items) {
          fresh.set(item.InstanceKey, item);
          if (!isLoaded(item.InstanceKey)) newCount++;
        }
    }
    return { displayRows: fresh.size ? mapRowList(rows, (r) => fresh.get(r.InstanceKey) ?? r) : rows, newCount };
  }, [rows, head.data, head.dataUpdatedAt, listing.dataUpdatedAt, isLoaded]);

  const [generation, setGeneration] = useState(0);
  const showNew = useCallback(() => {
    if (!filters) return;
    setGeneration((g) => g + 1);
    void queryClient.resetQueries({ queryKey: instancesQuery(filters).queryKey });
  }, [filters, queryClient]);


  // Columns: `cols` lists the visible columns in order.
  const cols: ColumnId[] = params.cols ?? DEFAULT_COLUMNS;
  const columnOrder = useMemo(() => [...cols, ...COLUMN_IDS.filter((c) => !cols.includes(c))], [cols]);
  const columnVisibility = useMemo(() => Object.fromEntries(COLUMN_IDS.map((c) => [c, cols.includes(c)])), [cols]);
  const setColumns = (order: string[], vis: Record<string, boolean>) => {
    const next = order.filter((c): c is ColumnId => (COLUMN_IDS as readonly string[]).includes(c) && vis[c] !== false);
    set({ cols: next.join() === DEFAULT_COLUMNS.join() ? null : next });
  };
  const columns = useMemo(() => instanceColumns(zone, zoneShort), [zone, zoneShort]);

  // Keyboard: "/" focuses the filters, Esc closes the drawer (j/k/Enter belong to the table).
  const keywordRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === "/" && !isTypingTarget(e.target) && !e.metaKey && !e.ctrlKey) {
        e.preventDefault();
        keywordRef.current?.focus();
      } else if (e.key === "Escape" && params.open) {
        set({ open: null });
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [params.open, set]);

  const liveUrl = () => window.location.href;
  const pinnedUrl = () => {
    const now = new Date();
    const pin = (r: typeof params.sched) => (r ? pinTimeRange(r, now) : null);
    const query = serializeWedata({ ...params, project, sched: pin(params.sched), start: pin(params.start), upd: pin(params.upd), tz: zone });
    return `${window.location.origin}${window.location.pathname}${query}`;
  };

  const updatedAt = Math.max(head.dataUpdatedAt || 0, listing.dataUpdatedAt || 0);
  const refreshError = head.error && listing.data ? head.error : stats.error && listing.data ? stats.error : null;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-lg font-semibold">WeData instances</h1>
        <span className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="zone-label">
          Times in {zoneLabel(zone)}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <TimeZonePicker value={zone} viewerZone={viewerZone ?? "UTC"} explicit={params.tz != null} onChange={(tz) => set({ tz })} />
          <LiveRefreshControl value={params.refresh} options={REFRESH_OPTIONS} onChange={(refresh) => set({ refresh })} state={live} lastUpdatedAt={updatedAt || null} />
        </div>
      </div>
      {notice.length ? <UrlNotice items={notice} onDismiss={() => setNoticeDismissed(true)} /> : null}
      <FiltersBar params={params} set={set} projects={config.data?.wedataProjectIds ?? []} project={project ?? ""} zone={zone} zoneShort={zoneShort} keywordRef={keywordRef} />
      {config.error && !project ? <ApiErrorBanner title="Taskboard's configuration could not be loaded" error={config.error} onRetry={() => config.refetch()} /> : null}
      <ChartsPanel
        stats={stats.data}
        loading={stats.isPending}
        zone={zone}
        selectedStates={params.state}
        onToggleState={(s) => set({ state: params.state.includes(s) ? params.state.filter((x) => x !== s) : [...params.state, s] })}
        onOpenInstance={(open) => set({ open })}
      />
      {refreshError ? (
        <ApiErrorBanner
          title="Refresh failed"
          error={refreshError}
          onRetry={refreshNow}
          note={`showing the last good data${live.failures > 0 && params.refresh !== "off" ? "; auto-refresh slowed down until the upstream recovers" : ""}`}
        />
      ) : null}
      {listing.error && !listing.data ? <ApiErrorBanner title="Instances could not be loaded" error={listing.error} onRetry={() => listing.refetch()} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <ColumnMenu
          columns={COLUMN_IDS.map((id) => ({ id, label: COLUMN_LABELS[id], required: id === "task" }))}
          order={columnOrder}
          visibility={columnVisibility}
          onChange={({ order, visibility }) => setColumns(order, visibility)}
          onReset={() => set({ cols: null })}
        />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <CopyLinkMenu liveUrl={liveUrl} pinnedUrl={pinnedUrl} />
          {filters ? (
            <ExportMenu
              source={instancesSource(filters)}
              toRecord={(r) => instanceRecord(r, zone)}
              rowKey={(r) => r.InstanceKey}
              filenameBase={`wedata-instances-${filters.project}`}
              totalHint={total}
            />
          ) : null}
        </div>
      </div>
      <DataTable
        key={generation}
        label="WeData task instances"
        noun={["instance", "instances"]}
        columns={columns}
        rows={displayRows}
        getRowId={(r) => r.InstanceKey}
        total={total}
        hasNextPage={!!listing.hasNextPage}
        isFetchingNextPage={listing.isFetchingNextPage}
        fetchNextPage={() => void listing.fetchNextPage()}
        nextPageError={
          listing.isFetchNextPageError ? <ApiErrorBanner title="The next page could not be loaded" error={listing.error} onRetry={() => listing.fetchNextPage()} /> : undefined
        }
        isLoading={!viewerZone || !filters || listing.isPending}
        empty={listing.isError ? "No instances: the listing failed (see above)." : <EmptyState params={params} project={project} onClear={() => set({ q: "", state: [], itype: null, cycle: null, tasktype: null, owner: "", folder: "", workflow: "", group: "", sched: null, start: null, upd: null })} />}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={(v) => setColumns(columnOrder, v)}
        columnOrder={columnOrder}
        onColumnOrderChange={(o) => setColumns(o, columnVisibility)}
        onRowOpen={(r) => set({ open: r.InstanceKey })}
        selectedRowId={params.open}
        keyboard={!params.open}
        topSlot={
          newCount > 0 ? (
            <button
              type="button"
              onClick={showNew}
              data-testid="new-items"
              className="mb-1 inline-flex items-center gap-1 self-center rounded-full bg-sky-600 px-3 py-1 text-xs font-medium text-white shadow hover:bg-sky-700"
            >
              <ArrowUp className="size-3.5" aria-hidden /> {newCount} new instance{newCount === 1 ? "" : "s"}: show
            </button>
          ) : null
        }
      />
      {params.open && project ? (
        <InstanceDrawer
          project={project}
          instanceKey={params.open}
          zone={zone}
          zoneShort={zoneShort}
          level={params.level}
          onLevelChange={(level) => set({ level })}
          onClose={() => set({ open: null })}
          onOpen={(open) => set({ open })}
        />
      ) : null}
    </div>
  );
}
