import type { ExportRecord, PagedSource } from "@/components/ui/stream-export";
import { streamsOf, type InstanceFilters } from "@/lib/wedata/filters";
import { apiTimeToInstant, formatInZone } from "@/lib/wedata/time-zone";
import type { TaskInstance } from "@/lib/wedata/wire";
import { fetchStreamPage } from "./query-options";

// The export reads the same pages the table reads, stream by stream (one per chosen state), all at one `now`
// so relative windows don't drift during a long export. Times are written as ISO 8601 with the display
// zone's offset, so a file means the same thing wherever it is opened.

interface Cursor {
  stream: number;
  page: number;
  now: number;
  total: number;
}

export function instancesSource(filters: InstanceFilters): PagedSource<TaskInstance, Cursor> {
  const streams = streamsOf(filters);
  return async (cursor, signal) => {
    const c: Cursor = cursor ?? { stream: 0, page: 1, now: Date.now(), total: 0 };
    const stream = streams[c.stream] ?? null;
    const page = await fetchStreamPage(filters, stream ?? "*", c.page, new Date(c.now), signal);
    const total = c.page === 1 ? c.total + page.totalCount : c.total;
    const streamDone = page.items.length === 0 || c.page >= page.totalPages;
    const next: Cursor | null = !streamDone
      ? { ...c, page: c.page + 1, total }
      : c.stream + 1 < streams.length
        ? { stream: c.stream + 1, page: 1, now: c.now, total }
        : null;
    // The grand total is only known once every stream's first page answered; until then, the sum so far.
    return { rows: page.items, next, total: c.stream === streams.length - 1 || streams.length === 1 ? total : null };
  };
}

const TIME_FIELDS = new Set(["StartTime", "EndTime", "SchedulerTime", "LastUpdateTime"]);

export function instanceRecord(item: TaskInstance, zone: string): ExportRecord {
  const out: ExportRecord = {};
  for (const [k, v] of Object.entries(item)) {
    if (TIME_FIELDS.has(k)) {
      const instant = apiTimeToInstant(typeof v === "string" ? v : null);
      out[k] = instant ? formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ssxxx") : null;
    } else if (Array.isArray(v)) out[k] = v.join(";");
    else if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = v;
    else out[k] = JSON.stringify(v);
  }
  return out;
}
