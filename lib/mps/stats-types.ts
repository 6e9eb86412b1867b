// The chart data GET /api/mps/stats returns (computed on the server through the shared upstream cache).

export type MpsStatusCounts = { WAITING: number; PROCESSING: number; FINISH: number; FINISH_FAILED: number };

export type MpsSeriesBucket = { start: string; end: string; WAITING: number; PROCESSING: number; FINISH: number };

export type MpsDurationBin = { label: string; fromMs: number; toMs: number | null; count: number };

export type MpsStats = {
  window: { startTime: string; endTime: string };
  counts: MpsStatusCounts;
  series: MpsSeriesBucket[];
  durations: { sample: number; bins: MpsDurationBin[] };
  /** Upstream calls this answer needed (before the shared cache and single-flight collapse repeats). */
  upstreamCalls: number;
  /** When the server computed it (ISO). */
  computedAt: string;
};

/** Bins of processing time: roughly logarithmic, because media jobs range from seconds to hours. */
export const DURATION_BINS: { label: string; fromMs: number; toMs: number | null }[] = [
  { label: "<10s", fromMs: 0, toMs: 10_000 },
  { label: "10–30s", fromMs: 10_000, toMs: 30_000 },
  { label: "30s–1m", fromMs: 30_000, toMs: 60_000 },
  { label: "1–2m", fromMs: 60_000, toMs: 120_000 },
  { label: "2–5m", fromMs: 120_000, toMs: 300_000 },
  { label: "5–10m", fromMs: 300_000, toMs: 600_000 },
  { label: "10–30m", fromMs: 600_000, toMs: 1_800_000 },
  { label: "30m–1h", fromMs: 1_800_000, toMs: 3_600_000 },
  { label: "≥1h", fromMs: 3_600_000, toMs: null },
];

export function binDurations(durationsMs: number[]): MpsDurationBin[] {
  return DURATION_BINS.map((b) => ({
    ...b,
    count: durationsMs.filter((d) => d >= b.fromMs && (b.toMs === null || d < b.toMs)).length,
  }));
}
