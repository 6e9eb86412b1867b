"use client";

/**
 * DataTable: a generic, virtualized, infinitely scrolling table (knows no domain).
 *
 * Props
 * - `columns: DataTableColumn<TRow>[]`: built with `createDataTableColumnHelper<TRow>()`; every column needs an
 *   `id` and `meta: { label, width, align?, required? }`.
 * - `rows: RowList<TRow>` (an array, or a view of a growing one), `getRowId(row) => string`: the loaded rows
 *   (already flattened from the pages).
 * - `total?: number | null`: how many rows match (for "1,240 of 18,305"); null/undefined when unknown.
 * - `hasNextPage`, `isFetchingNextPage`, `fetchNextPage()`: infinite-query wiring; the table asks for the next
 *   page when the reader scrolls within `prefetchRows` of the end and again after each page arrives.
 * - `nextPageError?: ReactNode`: shown in place of the loading row (e.g. an error with a Retry button); while set,
 *   the table stops asking for more.
 * - `isLoading`: first page not there yet → skeleton rows. `empty?: ReactNode`: shown when nothing matched.
 * - `columnVisibility`, `columnOrder` + `onColumnVisibilityChange`, `onColumnOrderChange`: controlled (the screen
 *   keeps them in the URL). Render `<ColumnMenu>` next to the table for the menu.
 * - `onRowOpen(row)`: click, or Enter on the active row. `selectedRowId?`: highlights the open row.
 * - `keyboard?: boolean` (default true): j/k move the active row, Enter opens it. Ignored while typing in a field.
 * - `topSlot?: ReactNode`: rendered above the header (e.g. a "3 new items" button).
 * - `label`: accessible name of the table; `rowHeight?` (px, default 34); `noun?: [singular, plural]`.
 * - `className?`: sizing of the scroll area (defaults to a viewport-relative height).
 *
 * Only the rows in view plus a small overscan are in the DOM, so the element count stays constant however many
 * rows are loaded (100,000 rows scroll like 100).
 */

import { constructRow, useTable, type Row, type RowData, type Updater } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import clsx from "clsx";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { RowList } from "@/lib/collections/row-list";
import { dataTableFeatures, type DataTableColumn, type DataTableFeatures } from "./features";
import { DataTableFooterRow } from "./data-table-footer-row";
import { DataTableRow } from "./data-table-row";
import { PositionIndicator } from "./position-indicator";
import { RowCache } from "./row-cache";
import { SkeletonRows } from "./skeleton-rows";
import { useRowKeyboard } from "./use-row-keyboard";

export type DataTableProps<TRow extends RowData> = {
  columns: DataTableColumn<TRow>[];
  rows: RowList<TRow>;
  getRowId: (row: TRow) => string;
  total?: number | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  nextPageError?: ReactNode;
  isLoading: boolean;
  empty?: ReactNode;
  columnVisibility: Record<string, boolean>;
  onColumnVisibilityChange: (next: Record<string, boolean>) => void;
  columnOrder: string[];
  onColumnOrderChange: (next: string[]) => void;
  onRowOpen?: (row: TRow) => void;
  selectedRowId?: string | null;
  keyboard?: boolean;
  topSlot?: ReactNode;
  label: string;
  rowHeight?: number;
  noun?: [string, string];
  prefetchRows?: number;
  className?: string;
};

/** The table model holds no rows: they are constructed lazily, see `rowAt`. */
const NO_ROWS: never[] = [];
/** Rows kept built: many viewports' worth, so scrolling back a little finds them built. */
const ROW_CACHE_SIZE = 500;

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

export function DataTable<TRow extends RowData>(props: DataTableProps<TRow>) {
  const {
    columns,
    rows,
    getRowId,
    total,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
    nextPageError,
    isLoading,
    empty,
    columnVisibility,
    onColumnVisibilityChange,
    columnOrder,
    onColumnOrderChange,
    onRowOpen,
    selectedRowId,
    keyboard = true,
    topSlot,
    label,
    rowHeight = 34,
    noun = ["row", "rows"],
    prefetchRows = 30,
    className,
  } = props;

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: NO_ROWS as TRow[],
    getRowId: (row) => getRowId(row),
    state: { columnVisibility, columnOrder },
    onColumnVisibilityChange: (u) => onColumnVisibilityChange(resolve(u, columnVisibility)),
    onColumnOrderChange: (u) => onColumnOrderChange(resolve(u, columnOrder)),
  });

  // Sorting and filtering happen upstream, so the core row model would only wrap every loaded item in a Row
  // object, again for all of them each time a page arrives (O(n) per page, O(n²) to load 100,000 rows). Rows
  // are instead constructed for the items in view and kept (see RowCache) until the columns change: a Row
  // caches its cell values, which depend on the columns' accessors.
  const getRowIdRef = useRef(getRowId);
  useEffect(() => {
    getRowIdRef.current = getRowId;
  });
  const rowCache = useMemo(
    () => new RowCache((original: TRow, index: number) => constructRow(table, getRowIdRef.current(original), original, index, 0), ROW_CACHE_SIZE),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new cache when the columns change: built rows hold cell values from the columns' accessors, which the builder reads through `table`
    [columns, table],
  );
  const rowAt = useCallback(
    (index: number): Row<DataTableFeatures, TRow> | undefined => {
      const original = rows.at(index);
      return original === undefined ? undefined : rowCache.get(original, index);
    },
    [rows, rowCache],
  );

  const visibleColumns = table.getVisibleLeafColumns();
  const columnsKey = visibleColumns.map((c) => c.id).join(",");
  const minWidth = useMemo(
    () => visibleColumns.reduce((sum, c) => sum + (c.columnDef.meta?.width ?? 120), 0),
    [visibleColumns],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  // One extra virtual row at the end carries the loading row, the error or the end-of-list marker.
  const showFooterRow = rows.length > 0;
  // Rows that stay on screen for less than a frame cannot be read, and building them (style, layout, text
  // shaping) is what makes a fling or a scrollbar drag through 100,000 rows stutter. While every scroll step
  // leaps a whole viewport, twice in a row, the table builds no rows and paints skeleton lines as its
  // background instead; the rows come back as soon as the scroll slows.
  const motion = useRef({ offset: 0, count: 0, streak: 0 });
  const [flying, setFlying] = useState(false);
  const count = rows.length + (showFooterRow ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is used as documented; this component is not memoized by the compiler
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    onChange: (v) => {
      // Counted per scroll step, not per millisecond: on a slow machine the first, fully built frames are slow
      // and must not keep the table from taking the cheap path. A reader holding the end while pages load
      // leaps once per new page, and that is not flying: a leap right after the rows grew does not count.
      const m = motion.current;
      const offset = v.scrollOffset ?? 0;
      const viewport = v.scrollRect?.height ?? 0;
      const grew = v.options.count !== m.count;
      const leap = viewport > 0 && Math.abs(offset - m.offset) >= viewport && !grew;
      m.streak = v.isScrolling && leap ? m.streak + 1 : 0;
      m.offset = offset;
      m.count = v.options.count;
      setFlying(m.streak >= 2);
    },
  });
  const skeleton = flying && virtualizer.isScrolling;
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  // Fetch more when the reader nears the end, and again after each page lands (the effect re-runs when
  // rows.length changes), until the viewport is filled or the list ends.
  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage || nextPageError) return;
    if (lastIndex >= rows.length - prefetchRows) fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage, prefetchRows]);

  const [activeIndex, setActiveIndex] = useState(-1);
  const moveTo = useCallback(
    (index: number) => {
      const clamped = Math.max(0, Math.min(rows.length - 1, index));
      setActiveIndex(clamped);
      virtualizer.scrollToIndex(clamped, { align: "auto" });
    },
    [rows.length, virtualizer],
  );
  useRowKeyboard({
    enabled: keyboard && rows.length > 0,
    onNext: () => moveTo(activeIndex + 1),
    onPrev: () => moveTo(activeIndex - 1),
    onOpen: () => {
      const row = rows.at(activeIndex);
      if (row !== undefined && onRowOpen) onRowOpen(row);
    },
  });

  // Stable across renders so memoized rows skip re-rendering while the table scrolls.
  const onRowOpenRef = useRef(onRowOpen);
  useEffect(() => {
    onRowOpenRef.current = onRowOpen;
  });
  const openRow = useCallback((index: number, row: TRow) => {
    setActiveIndex(index);
    onRowOpenRef.current?.(row);
  }, []);

  // Position: the last row fully in view, so the number grows as the reader scrolls down.
  const viewportEnd = virtualizer.scrollOffset ?? 0;
  const clientHeight = virtualizer.scrollRect?.height ?? 0;
  const lastInView = Math.min(rows.length, Math.floor((viewportEnd + clientHeight - rowHeight) / rowHeight));

  return (
    <div className="flex min-h-0 flex-col">
      {topSlot}
      <div
        ref={scrollRef}
        role="region"
        aria-label={`${label} (scrollable)`}
        tabIndex={0}
        data-testid="data-table-scroll"
        className={clsx(
          "relative overflow-auto rounded-md border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
          className ?? "h-[calc(100vh-22rem)] min-h-[320px]",
        )}
      >
        <table aria-label={label} aria-rowcount={total ?? undefined} className="grid text-sm" style={{ minWidth }}>
          <thead className="sticky top-0 z-10 grid bg-zinc-50 dark:bg-zinc-800">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="flex w-full border-b border-zinc-200 dark:border-zinc-700">
                {group.headers.map((header, i) => (
                  <th
                    key={header.id}
                    scope="col"
                    style={{ width: header.column.columnDef.meta?.width ?? 120 }}
                    className={clsx(
                      "flex shrink-0 items-center px-2 py-2 text-xs font-semibold text-zinc-600 dark:text-zinc-300",
                      header.column.columnDef.meta?.align === "right" ? "justify-end text-right" : "text-left",
                      i === group.headers.length - 1 && "grow",
                    )}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          {isLoading ? (
            <SkeletonRows columns={visibleColumns.map((c) => c.columnDef.meta?.width ?? 120)} rowHeight={rowHeight} />
          ) : rows.length === 0 && !hasNextPage ? (
            <tbody className="grid">
              <tr className="flex">
                <td className="w-full p-8 text-center text-sm text-zinc-600 dark:text-zinc-300">{empty ?? "Nothing to show."}</td>
              </tr>
            </tbody>
          ) : (
            <tbody
              data-flying={skeleton || undefined}
              className={clsx("relative grid", skeleton && "skeleton-stripes")}
              style={{ height: virtualizer.getTotalSize(), ["--row-h" as string]: `${rowHeight}px` }}
            >
              {items.map((item) => {
                if (item.index === rows.length) {
                  return (
                    <DataTableFooterRow
                      key="footer"
                      top={item.start}
                      height={rowHeight}
                      state={nextPageError ? "error" : hasNextPage ? "loading" : "end"}
                      error={nextPageError}
                      loadedLabel={`${rows.length.toLocaleString("en-US")} ${rows.length === 1 ? noun[0] : noun[1]}`}
                    />
                  );
                }
                if (skeleton) return null;
                const row = rowAt(item.index);
                if (!row) return null;
                return (
                  <DataTableRow
                    key={row.id}
                    row={row}
                    index={item.index}
                    top={item.start}
                    height={rowHeight}
                    active={item.index === activeIndex}
                    selected={selectedRowId != null && row.id === selectedRowId}
                    columnsKey={columnsKey}
                    onOpen={openRow}
                  />
                );
              })}
            </tbody>
          )}
        </table>
      </div>
      <PositionIndicator
        position={rows.length === 0 ? 0 : Math.max(1, lastInView)}
        loaded={rows.length}
        total={total ?? null}
        noun={noun}
      />
    </div>
  );
}
