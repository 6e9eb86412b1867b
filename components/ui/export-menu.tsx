"use client";

/**
 * ExportMenu: export of the whole filtered set as CSV or JSON, fetched page by page, with progress and
 * Cancel; the file is downloaded through a Blob (generic).
 * Props: `source(cursor, signal) => Promise<{ rows, next, total? }>` (the same paged reader the table uses),
 * `toRecord(row) => flat record` (the exported columns), `rowKey?(row)`, `filenameBase` (e.g. "mps-tasks-…"),
 * `totalHint?` (shown before the first page answers).
 */

import { Download } from "lucide-react";
import { useRef, useState, type ComponentType } from "react";
import { clientLazy } from "./client-lazy";
import type { ExportJob, ExportPanelProps } from "./export-panel";
import { PopoverMenu } from "./popover-menu";
import type { ExportRecord, PagedSource } from "./stream-export";

// The panel (and the export code) load when the popover first opens; until then a box of its idle height.
const ExportPanel = clientLazy(
  () => import("./export-panel").then((m) => m.ExportPanel as ComponentType<ExportPanelProps<unknown, unknown>>),
  () => <div className="h-[4.25rem]" aria-busy="true" data-testid="export-panel-loading" />,
);

export function ExportMenu<TRow, TCursor>({
  source,
  toRecord,
  rowKey,
  filenameBase,
  totalHint,
}: {
  source: PagedSource<TRow, TCursor>;
  toRecord: (row: TRow) => ExportRecord;
  rowKey?: (row: TRow) => string;
  filenameBase: string;
  totalHint?: number | null;
}) {
  const [job, setJob] = useState<ExportJob | null>(null);
  const controller = useRef<AbortController | null>(null);
  const panel = { source, toRecord, rowKey, filenameBase, totalHint, job, setJob, controller } as ExportPanelProps<unknown, unknown>;
  return (
    <PopoverMenu testId="export-menu" label={<><Download aria-hidden className="size-4" /> Export</>}>
      {() => <ExportPanel {...panel} />}
    </PopoverMenu>
  );
}
