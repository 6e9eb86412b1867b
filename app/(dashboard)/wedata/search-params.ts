import {
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import type { InstanceFilters } from "@/lib/wedata/filters";
import { parseTimeRange, serializeTimeRange, timeRangeEquals } from "@/lib/wedata/time-range";
import { isValidTimeZone } from "@/lib/wedata/time-zone";
import { CYCLE_TYPES, INSTANCE_STATES, SORT_COLUMNS, SORT_TYPES } from "@/lib/wedata/enums";
import { clipForNotice, unknownParamNames } from "@/lib/url/params";

// The one parser map of the WeData screen: the URL is the state. Filters, time windows (relative ones stay
// relative), sort, display zone, visible columns in order, the open drawer and the refresh interval all live
// here, so a copied link reopens the same view. Invalid values and unknown names are dropped with a visible
// notice (findInvalidParams), never a crash.

export const COLUMN_IDS = [
  "task",
  "state",
  "cycle",
  "taskType",
  "instanceType",
  "scheduled",
  "dataTime",
  "start",
  "end",
  "cost",
  "tries",
  "owner",
  "workflow",
  "folder",
  "group",
  "updated",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const DEFAULT_COLUMNS: ColumnId[] = [
  "task",
  "state",
  "cycle",
  "taskType",
  "scheduled",
  "dataTime",
  "start",
  "end",
  "cost",
  "tries",
  "owner",
  "workflow",
  "updated",
];

export const REFRESH_INTERVALS = ["off", "10s", "30s", "1m", "5m"] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];
export const REFRESH_MS: Record<RefreshInterval, number> = { off: 0, "10s": 10_000, "30s": 30_000, "1m": 60_000, "5m": 300_000 };

export const LOG_LEVEL_VALUES = ["All", "Info", "Debug", "Warn", "Error"] as const;

const parseAsTimeRange = createParser({
  parse: (text) => parseTimeRange(text),
  serialize: (range) => serializeTimeRange(range),
  eq: timeRangeEquals,
});

const parseAsTimeZone = createParser({
  parse: (text) => (isValidTimeZone(text) ? text : null),
  serialize: (zone: string) => zone,
});

const parseAsProjectId = createParser({
  // Project ids are long digit strings: never numbers.
  parse: (text) => (/^\d{1,30}$/.test(text) ? text : null),
  serialize: (id: string) => id,
});

const parseAsId = createParser({
  parse: (text) => (text.trim() && text.length <= 200 ? text : null),
  serialize: (id: string) => id,
});

const stateItem = parseAsStringLiteral(INSTANCE_STATES);
const columnItem = parseAsStringLiteral(COLUMN_IDS);

export const wedataParsers = {
  project: parseAsProjectId,
  q: parseAsString.withDefault(""),
  state: parseAsArrayOf(stateItem).withDefault([]),
  itype: parseAsNumberLiteral([0, 1, 2] as const),
  cycle: parseAsStringLiteral(CYCLE_TYPES),
  tasktype: parseAsInteger,
  owner: parseAsString.withDefault(""),
  folder: parseAsString.withDefault(""),
  workflow: parseAsString.withDefault(""),
  group: parseAsString.withDefault(""),
  sched: parseAsTimeRange,
  start: parseAsTimeRange,
  upd: parseAsTimeRange,
  sort: parseAsStringLiteral(SORT_COLUMNS).withDefault("SCHEDULE_DATE"),
  dir: parseAsStringLiteral(SORT_TYPES).withDefault("DESC"),
  tz: parseAsTimeZone,
  cols: parseAsArrayOf(columnItem),
  open: parseAsId,
  level: parseAsStringLiteral(LOG_LEVEL_VALUES).withDefault("All"),
  refresh: parseAsStringLiteral(REFRESH_INTERVALS).withDefault("off"),
};

export type WedataSearchParams = inferParserType<typeof wedataParsers>;

export const serializeWedata = createSerializer(wedataParsers);

// Array parameters drop bad items silently in nuqs; the notice must name them, so arrays are checked per item.
const ITEM_PARSERS: Partial<Record<keyof typeof wedataParsers, { parse: (v: string) => unknown }>> = {
  state: stateItem,
  cols: columnItem,
};

const LABELS: Record<keyof typeof wedataParsers, string> = {
  project: "project",
  q: "keyword",
  state: "state",
  itype: "instance type",
  cycle: "cycle type",
  tasktype: "task type",
  owner: "owner",
  folder: "folder",
  workflow: "workflow",
  group: "resource group",
  sched: "scheduled time window",
  start: "start time window",
  upd: "last update window",
  sort: "sort column",
  dir: "sort direction",
  tz: "time zone",
  cols: "columns",
  open: "open instance",
  level: "log level",
  refresh: "refresh interval",
};

/**
 * The URL parameters the screen drops with a notice, with a readable label each: known parameters whose value
 * it cannot read, then names it does not know at all (`?statuss=x`), each once.
 */
export function findInvalidParams(search: URLSearchParams): { key: string; label: string; value: string }[] {
  const bad: { key: string; label: string; value: string }[] = [];
  for (const key of Object.keys(wedataParsers) as (keyof typeof wedataParsers)[]) {
    const raw = search.get(key);
    if (raw === null) continue;
    const item = ITEM_PARSERS[key];
    const ok = item
      ? raw !== "" && raw.split(",").every((part) => item.parse(part) !== null)
      : wedataParsers[key].parse(raw) !== null;
    if (!ok) bad.push({ key, label: LABELS[key], value: raw });
  }
  for (const key of unknownWedataParams(search)) {
    bad.push({ key, label: `unknown parameter ${clipForNotice(key)}`, value: search.get(key) ?? "" });
  }
  return bad;
}

/** Names in the URL that are not parameters of this screen (the client's parser map can't clear them). */
export function unknownWedataParams(search: URLSearchParams): string[] {
  return unknownParamNames(search, Object.keys(wedataParsers));
}

/** The filters the listing uses; the query key is built from these alone. */
export function toFilters(p: WedataSearchParams, project: string): InstanceFilters {
  return {
    project,
    keyword: p.q,
    states: [...new Set(p.state)],
    instanceType: p.itype,
    cycle: p.cycle,
    taskTypeId: p.tasktype,
    owner: p.owner,
    folder: p.folder,
    workflow: p.workflow,
    group: p.group,
    schedule: p.sched,
    start: p.start,
    updated: p.upd,
    sort: p.sort,
    dir: p.dir,
  };
}
