export { DataTable, type DataTableProps } from "./data-table";
export { ColumnMenu, type ColumnMenuItem } from "./column-menu";
export {
  createDataTableColumnHelper,
  dataTableFeatures,
  type DataTableColumn,
  type DataTableColumnMeta,
  type DataTableFeatures,
} from "./features";
export { formatCount } from "./format-count";
export { isTypingTarget } from "./use-row-keyboard";
