"use client";

import type { Row, RowData } from "@tanstack/react-table";
import { FlexRender } from "@tanstack/react-table";
import clsx from "clsx";
import { memo } from "react";
import type { DataTableFeatures } from "./features";

export type DataTableRowProps<TRow extends RowData> = {
  row: Row<DataTableFeatures, TRow>;
  index: number;
  top: number;
  height: number;
  active: boolean;
  selected: boolean;
  /** Visible column ids in order: a change re-renders the row even though the row object is the same. */
  columnsKey: string;
  onOpen: (index: number, row: TRow) => void;
};

/**
 * One virtual row. Memoized because the table re-renders on every scroll frame: rows that stay in view keep
 * their DOM and skip their cells' work, so a frame costs only the rows that scrolled in.
 */
function DataTableRowImpl<TRow extends RowData>({ row, index, top, height, active, selected, onOpen }: DataTableRowProps<TRow>) {
  const cells = row.getVisibleCells();
  return (
    <tr
      data-index={index}
      data-row-id={row.id}
      data-active={active || undefined}
      aria-current={selected ? "true" : undefined}
      onClick={(e) => {
        // Buttons inside cells (copy, links) keep their own meaning.
        if ((e.target as HTMLElement).closest("button, a, input")) return;
        onOpen(index, row.original);
      }}
      style={{ transform: `translateY(${top}px)`, height }}
      className={clsx(
        "absolute flex w-full cursor-pointer border-b border-zinc-100 dark:border-zinc-800",
        selected
          ? "bg-sky-100 dark:bg-sky-950"
          : active
            ? "bg-zinc-100 outline outline-1 -outline-offset-1 outline-sky-500 dark:bg-zinc-800"
            : "hover:bg-zinc-50 dark:hover:bg-zinc-800/60",
      )}
    >
      {cells.map((cell, i) => (
        <td
          key={cell.id}
          style={{ width: cell.column.columnDef.meta?.width ?? 120 }}
          className={clsx(
            "flex shrink-0 items-center overflow-hidden px-2 text-[13px] whitespace-nowrap tabular-nums",
            cell.column.columnDef.meta?.align === "right" && "justify-end",
            i === cells.length - 1 && "grow",
          )}
        >
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}

export const DataTableRow = memo(DataTableRowImpl) as typeof DataTableRowImpl;

