import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";

/**
 * The one feature set every data table in Taskboard uses (TanStack Table v9 wants it at module scope).
 * Screens build columns with `createDataTableColumnHelper<Row>()` and describe each column through `meta`.
 */
export type DataTableColumnMeta = {
  /** Plain-text name for the column menu and screen readers (the header itself may be richer). */
  label: string;
  /** Fixed width in px: rows are virtualized with fixed geometry, so columns never reflow while scrolling. */
  width: number;
  align?: "left" | "right";
  /** Columns that cannot be hidden (e.g. the row's identity). */
  required?: boolean;
};

export const dataTableFeatures = tableFeatures({
  columnVisibilityFeature,
  columnOrderingFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;

export function createDataTableColumnHelper<TRow extends RowData>() {
  return createColumnHelper<DataTableFeatures, TRow>();
}

// Cell value types differ per column; the table only needs the column shape, so the value is erased here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own column arrays use `any` for TValue
export type DataTableColumn<TRow extends RowData> = ColumnDef<DataTableFeatures, TRow, any>;
