// Streams every page of a paged source into CSV or JSON text parts, reporting progress and honouring an
// AbortSignal between and during page fetches. Pure of the DOM: the caller turns the parts into a Blob.

export type ExportFormat = "csv" | "json";

export type PagedSource<TRow, TCursor> = (
  cursor: TCursor | null,
  signal: AbortSignal,
) => Promise<{ rows: TRow[]; next: TCursor | null; total?: number | null }>;

export type ExportRecord = Record<string, string | number | boolean | null>;

export async function streamExport<TRow, TCursor>(opts: {
  source: PagedSource<TRow, TCursor>;
  toRecord: (row: TRow) => ExportRecord;
  format: ExportFormat;
  signal: AbortSignal;
  onProgress: (done: number, total: number | null) => void;
  /** Dedup key: a paged source may repeat a row across pages (e.g. merged streams); each is exported once. */
  rowKey?: (row: TRow) => string;
}): Promise<{ parts: string[]; count: number }> {
  const { unparse } = await import("papaparse");
  const parts: string[] = [];
  const seen = new Set<string>();
  let cursor: TCursor | null = null;
  let count = 0;
  let total: number | null = null;
  let first = true;
  if (opts.format === "json") parts.push("[\n");
  do {
    opts.signal.throwIfAborted();
    const page: Awaited<ReturnType<PagedSource<TRow, TCursor>>> = await opts.source(cursor, opts.signal);
    if (page.total != null && total === null) total = page.total;
    const rows = opts.rowKey ? page.rows.filter((r) => !seen.has(opts.rowKey!(r)) && !!seen.add(opts.rowKey!(r))) : page.rows;
    const records = rows.map(opts.toRecord);
    if (records.length > 0) {
      if (opts.format === "csv") {
        parts.push(unparse(records, { header: first }) + "\r\n");
      } else {
        parts.push(records.map((r, i) => (first && i === 0 ? "  " : ",\n  ") + JSON.stringify(r)).join(""));
      }
      first = false;
    }
    count += records.length;
    opts.onProgress(count, total);
    cursor = page.next;
  } while (cursor !== null);
  if (opts.format === "json") parts.push("\n]\n");
  return { parts, count };
}
