import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { listParams, PAGE_SIZE, streamsOf, type InstanceFilters } from "@/lib/wedata/filters";
import { getJson } from "@/lib/api/get-json";
import { shareRepeatedStrings } from "@/lib/wedata/share-strings";
import { ListingFolder, type FoldedListing, type StreamKey, type StreamPage } from "@/lib/wedata/merge";
import type { WedataStats } from "@/lib/wedata/stats-types";
import { API_TIME_ZONE } from "@/lib/wedata/time-zone";
import type {
  GetTaskInstanceLogResponse,
  GetTaskInstanceResponse,
  InstanceState,
  ListTaskInstanceExecutionsResponse,
  ListTaskInstancesResponse,
} from "@/lib/wedata/wire";

// Query keys are built from the filters only (never the page cursor), so the table, the live probe and the
// export agree on what "this listing" is.

export const wedataKeys = {
  all: ["wedata"] as const,
  config: ["config"] as const,
  instances: (f: InstanceFilters) => ["wedata", "instances", f] as const,
  head: (f: InstanceFilters) => ["wedata", "head", f] as const,
  stats: (search: string) => ["wedata", "stats", search] as const,
  instance: (project: string, key: string) => ["wedata", "instance", project, key] as const,
  executions: (project: string, key: string) => ["wedata", "executions", project, key] as const,
  log: (project: string, key: string, round: number | null, level: string) => ["wedata", "log", project, key, round, level] as const,
  lineage: (project: string, key: string, dir: "upstream" | "downstream") => ["wedata", dir, project, key] as const,
};

export interface PublicConfig {
  mode: "demo" | "live";
  wedataProjectIds: string[];
}

export const configQuery = () =>
  queryOptions({
    queryKey: wedataKeys.config,
    queryFn: ({ signal }) => getJson<PublicConfig>("/api/config", null, signal),
    staleTime: Infinity,
  });

/** One page of one stream. */
export async function fetchStreamPage(
  filters: InstanceFilters,
  stream: StreamKey,
  page: number,
  now: Date,
  signal?: AbortSignal,
  pageSize = PAGE_SIZE,
): Promise<StreamPage & { requestId: string }> {
  const state = stream === "*" ? null : (stream as InstanceState);
  const res = await getJson<ListTaskInstancesResponse>("/api/wedata/instances", listParams(filters, { state, page, pageSize, now }), signal);
  const data = res.Data;
  return {
    stream,
    page,
    // Parsed just now and ours: sharing repeated strings cuts the loaded listing's heap by ~40%.
    items: shareRepeatedStrings(data?.Items ?? []),
    totalCount: data?.TotalCount ?? 0,
    totalPages: data?.TotalPageNumber ?? Math.ceil((data?.TotalCount ?? 0) / pageSize),
    requestId: res.RequestId,
  };
}

export interface ListingParam {
  requests: { stream: StreamKey; page: number }[];
  /** Instant relative windows resolve at, fixed by the first page so every page of a listing agrees. */
  now: number | null;
}

export interface ListingPage {
  now: number;
  pages: StreamPage[];
}

// One folder per sort order (eight at most); each remembers results by the fetched pages themselves.
const folders = new Map<string, ListingFolder<ListingPage>>();

/** The loaded listing folded and merged, shared by the page and getNextPageParam, computed once per new page. */
export function foldListing(fetches: readonly ListingPage[], filters: Pick<InstanceFilters, "sort" | "dir">): FoldedListing {
  const id = `${filters.sort}|${filters.dir}`;
  let folder = folders.get(id);
  if (!folder) {
    folder = new ListingFolder(filters.sort, filters.dir);
    folders.set(id, folder);
  }
  return folder.fold(fetches);
}

export const instancesQuery = (filters: InstanceFilters) =>
  infiniteQueryOptions({
    queryKey: wedataKeys.instances(filters),
    initialPageParam: { requests: streamsOf(filters).map((s) => ({ stream: s ?? "*", page: 1 })), now: null } as ListingParam,
    queryFn: async ({ pageParam, signal }): Promise<ListingPage> => {
      const now = pageParam.now ?? Date.now();
      // Several states are several parallel calls (ListTaskInstances takes one state).
      const pages = await Promise.all(pageParam.requests.map((r) => fetchStreamPage(filters, r.stream, r.page, new Date(now), signal)));
      return { now, pages };
    },
    getNextPageParam: (_last, all): ListingParam | undefined => {
      const { streams, limiting } = foldListing(all, filters);
      if (!limiting) return undefined;
      // Advance only the stream that holds the merged order back.
      return { requests: [{ stream: limiting, page: (streams.get(limiting)?.lastPage ?? 0) + 1 }], now: all[0]?.now ?? null };
    },
    // Live refresh never re-fetches every loaded page; the head probe below watches for news instead.
    staleTime: Infinity,
    // Fetches are appended, never changed: comparing every loaded row for sharing would cost O(rows) per page.
    structuralSharing: false,
  });

/** The first page of every stream at a fresh `now`: what's new, and fresh copies of the top rows. */
export const headQuery = (filters: InstanceFilters) =>
  queryOptions({
    queryKey: wedataKeys.head(filters),
    queryFn: async ({ signal }) => {
      const now = new Date();
      const pages = await Promise.all(streamsOf(filters).map((s) => fetchStreamPage(filters, s ?? "*", 1, now, signal)));
      return { fetchedAt: now.getTime(), pages };
    },
    retry: false,
  });

export const statsQuery = (search: URLSearchParams) =>
  queryOptions({
    queryKey: wedataKeys.stats(search.toString()),
    queryFn: ({ signal }) => getJson<WedataStats>("/api/wedata/stats", search, signal),
    retry: false,
    placeholderData: (prev) => prev,
  });

const drillParams = (project: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ProjectId: project, TimeZone: API_TIME_ZONE, ...extra });

const instancePath = (key: string) => `/api/wedata/instances/${encodeURIComponent(key)}`;

export const instanceQuery = (project: string, key: string) =>
  queryOptions({
    queryKey: wedataKeys.instance(project, key),
    queryFn: ({ signal }) => getJson<GetTaskInstanceResponse>(instancePath(key), drillParams(project), signal),
  });

export const executionsQuery = (project: string, key: string) =>
  queryOptions({
    queryKey: wedataKeys.executions(project, key),
    queryFn: ({ signal }) =>
      getJson<ListTaskInstanceExecutionsResponse>(`${instancePath(key)}/executions`, drillParams(project, { PageNumber: "1", PageSize: "50" }), signal),
  });

export const logQuery = (project: string, key: string, round: number | null, level: string) =>
  infiniteQueryOptions({
    queryKey: wedataKeys.log(project, key, round, level),
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams({ ProjectId: project, LogLevel: level });
      if (round != null) p.set("LifeRoundNum", String(round));
      if (pageParam) p.set("NextCursor", pageParam);
      return getJson<GetTaskInstanceLogResponse>(`${instancePath(key)}/log`, p, signal);
    },
    // The end of a log is undocumented: an empty cursor, or one we already followed, ends it.
    getNextPageParam: (last, _all, lastParam, allParams) => {
      const next = last.Data?.NextCursor ?? "";
      if (!next || next === lastParam || allParams.includes(next)) return undefined;
      return next;
    },
  });

export const lineageQuery = (project: string, key: string, dir: "upstream" | "downstream") =>
  queryOptions({
    queryKey: wedataKeys.lineage(project, key, dir),
    queryFn: ({ signal }) =>
      getJson<ListTaskInstancesResponse>(`${instancePath(key)}/${dir}`, drillParams(project, { PageNumber: "1", PageSize: "20" }), signal),
  });
