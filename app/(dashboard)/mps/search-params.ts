import {
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsIsoDateTime,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { FAILED_FILTERS, STATUS_TABS } from "@/lib/mps/status";
import { RANGE_PRESETS, type WindowInput } from "@/lib/time/window";
import { isValidTimeZone } from "@/lib/time/zone";
import type { TaskFilters } from "@/lib/mps/task-stream";
import { toUrlSearchParams, unknownParamNames } from "@/lib/url/params";

// The one parser map of the MPS screen: the URL is the state. It feeds the server page (which names dropped
// parameters), the client hook, the link serializer and the stats route, so a shared URL, the table and the
// charts all mean the same thing.

export const MPS_COLUMN_IDS = [
  "taskId",
  "status",
  "taskType",
  "subTaskTypes",
  "createTime",
  "beginTime",
  "finishTime",
  "queueTime",
  "processingTime",
  "inState",
] as const;
export type MpsColumnId = (typeof MPS_COLUMN_IDS)[number];

export const REFRESH_INTERVALS = ["off", "10s", "30s", "1m", "5m"] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];
export const REFRESH_MS: Record<RefreshInterval, number> = { off: 0, "10s": 10_000, "30s": 30_000, "1m": 60_000, "5m": 300_000 };

const parseAsTimeZone = createParser({
  parse: (v) => (isValidTimeZone(v) ? v : null),
  serialize: (v: string) => v,
});

/** MPS TaskIds look like `24022-WorkflowTask-99f82fb306909`; anything else is not a task we can open. */
const parseAsTaskId = createParser({
  parse: (v) => (/^[\w.-]{1,128}$/.test(v) ? v : null),
  serialize: (v: string) => v,
});

export const mpsParsers = {
  status: parseAsStringLiteral(STATUS_TABS).withDefault("all"),
  failed: parseAsStringLiteral(FAILED_FILTERS).withDefault("any"),
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault("24h"),
  from: parseAsIsoDateTime,
  to: parseAsIsoDateTime,
  task: parseAsTaskId,
  cols: parseAsArrayOf(parseAsStringLiteral(MPS_COLUMN_IDS)),
  tz: parseAsTimeZone,
  refresh: parseAsStringLiteral(REFRESH_INTERVALS).withDefault("30s"),
};

export type MpsParams = inferParserType<typeof mpsParsers>;

export const serializeMps = createSerializer(mpsParsers);

/**
 * Keys the page drops with a notice: known keys whose value in the URL could not be read, then names this
 * screen does not know at all (`?bogus=1`), each once.
 */
export function findInvalidParams(raw: URLSearchParams): string[] {
  const bad: string[] = [];
  for (const [key, parser] of Object.entries(mpsParsers)) {
    const values = raw.getAll(key);
    if (values.length === 0) continue;
    const value = values[0]!;
    if (key === "cols") {
      // Every listed column must be known; a partly valid list is still reported (and cleaned).
      const items = value.split(",");
      if (!items.every((c) => (MPS_COLUMN_IDS as readonly string[]).includes(c))) bad.push(key);
      continue;
    }
    if (parser.parse(value) === null) bad.push(key);
  }
  return [...bad, ...unknownMpsParams(raw)];
}

/** Names in the URL that are not parameters of this screen (the client's parser map can't clear them). */
export function unknownMpsParams(raw: URLSearchParams): string[] {
  return unknownParamNames(raw, Object.keys(mpsParsers));
}

export { toUrlSearchParams };

export function windowInputOf(p: Pick<MpsParams, "range" | "from" | "to">): WindowInput {
  return p.from || p.to ? { preset: null, from: p.from, to: p.to } : { preset: p.range, from: null, to: null };
}

export function filtersOf(p: Pick<MpsParams, "status" | "failed" | "range" | "from" | "to">): TaskFilters {
  return { tab: p.status, failed: p.status === "failed" ? "yes" : p.failed, window: windowInputOf(p) };
}
