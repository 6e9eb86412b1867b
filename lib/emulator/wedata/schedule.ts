import type { Rng } from "../prng";
import type { CycleType } from "./catalogue";

// When a workflow runs: its cycle and the times of day, week, month or year, in Beijing time.

const DAY_MS = 86_400_000;

export interface Schedule {
  cycle: CycleType;
  /** Minutes between runs for MINUTE/HOUR cycles. */
  intervalMin: number;
  /** Minutes after midnight (Beijing) of the first run of the day. */
  dayMinute: number;
  weekday: number;
  monthDay: number;
  month: number;
  cronHours: number[];
  /** ONEOFF: the single run (ms). */
  at: number;
}

const CYCLE_WEIGHTS: ReadonlyArray<readonly [CycleType, number]> = [
  ["DAY_CYCLE", 55],
  ["HOUR_CYCLE", 8],
  ["MINUTE_CYCLE", 1.5],
  ["WEEK_CYCLE", 9],
  ["MONTH_CYCLE", 8],
  ["YEAR_CYCLE", 3],
  ["CRONTAB_CYCLE", 6],
  ["ONEOFF_CYCLE", 9.5],
];

/** Expected runs per day of a schedule, used to size the catalogue to the target history. */
export function runsPerDay(s: Schedule): number {
  switch (s.cycle) {
    case "MINUTE_CYCLE":
    case "HOUR_CYCLE":
      return 1440 / s.intervalMin;
    case "DAY_CYCLE":
      return 1;
    case "WEEK_CYCLE":
      return 1 / 7;
    case "MONTH_CYCLE":
      return 1 / 30;
    case "YEAR_CYCLE":
      return 1 / 365;
    case "CRONTAB_CYCLE":
      return s.cronHours.length;
    case "ONEOFF_CYCLE":
      return 1 / 60;
  }
}

export function makeSchedule(rng: Rng, anchorDay: number): Schedule {
  const cycle = rng.weighted(CYCLE_WEIGHTS);
  // Yearly jobs get their day of the year near the start, so a month-long history holds a few of them.
  const yearDay = new Date((anchorDay - rng.int(0, 40)) * DAY_MS);
  // Daily batch work clusters in the small hours (Beijing), as real warehouses do.
  const nightly = rng.chance(0.75);
  const hour = nightly ? rng.int(0, 6) : rng.int(7, 23);
  const cronCount = rng.int(2, 4);
  const cronHours = Array.from(new Set(Array.from({ length: cronCount }, () => rng.int(0, 23)))).sort((a, b) => a - b);
  return {
    cycle,
    intervalMin: cycle === "MINUTE_CYCLE" ? rng.pick([10, 15, 30]) : cycle === "HOUR_CYCLE" ? rng.pick([60, 60, 60, 120, 180]) : 1440,
    dayMinute: cycle === "MINUTE_CYCLE" ? rng.int(0, 9) : cycle === "HOUR_CYCLE" ? rng.int(0, 59) : hour * 60 + rng.pick([0, 0, 0, 10, 15, 30, 45]),
    weekday: rng.int(0, 6),
    monthDay: cycle === "YEAR_CYCLE" ? yearDay.getUTCDate() : rng.pick([1, 1, 1, 2, 5, 10, 15, 20, 28]),
    month: cycle === "YEAR_CYCLE" ? yearDay.getUTCMonth() : rng.int(0, 11),
    cronHours,
    at: (anchorDay + rng.int(-60, 20)) * DAY_MS - 8 * 3_600_000 + rng.int(0, 86_399) * 1000,
  };
}

/** The runs (ms) of a workflow's schedule during Beijing day `day` (days since epoch, Beijing midnight). */
export function runsOnDay(s: Schedule, day: number): number[] {
  const dayStart = day * DAY_MS - 8 * 3_600_000;
  const date = new Date(day * DAY_MS);
  switch (s.cycle) {
    case "MINUTE_CYCLE":
    case "HOUR_CYCLE": {
      const out: number[] = [];
      for (let m = s.dayMinute; m < 1440; m += s.intervalMin) out.push(dayStart + m * 60_000);
      return out;
    }
    case "DAY_CYCLE":
      return [dayStart + s.dayMinute * 60_000];
    case "WEEK_CYCLE":
      return date.getUTCDay() === s.weekday ? [dayStart + s.dayMinute * 60_000] : [];
    case "MONTH_CYCLE":
      return date.getUTCDate() === s.monthDay ? [dayStart + s.dayMinute * 60_000] : [];
    case "YEAR_CYCLE":
      return date.getUTCDate() === s.monthDay && date.getUTCMonth() === s.month ? [dayStart + s.dayMinute * 60_000] : [];
    case "CRONTAB_CYCLE":
      return s.cronHours.map((h) => dayStart + h * 3_600_000 + (s.dayMinute % 60) * 60_000);
    case "ONEOFF_CYCLE":
      return s.at >= dayStart && s.at < dayStart + DAY_MS ? [s.at] : [];
  }
}
