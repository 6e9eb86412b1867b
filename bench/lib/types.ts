// What a scenario hands back: one Measurement per figure per repetition. The runner takes the median over
// repetitions and only then compares it with the target, so one noisy repetition cannot decide a verdict.

export type Comparison = "<=" | ">=" | "==";

export interface Target {
  op: Comparison;
  value: number;
}

export interface Measurement {
  /** Stable identifier, e.g. `proxy.p50Ratio`; the same key across repetitions. */
  key: string;
  /** Human label shown in the table. */
  label: string;
  value: number;
  unit?: string;
  /** Absent for figures shown for context only. */
  target?: Target;
}

export interface ScenarioOutcome {
  /** One list of measurements per repetition. */
  runs: Measurement[][];
  notes?: string[];
}

export interface BenchContext {
  root: string;
  distDir: string;
  repeat: number;
  /** Milliseconds since the bench started, for progress lines. */
  log(message: string): void;
}

export interface Scenario {
  id: number;
  title: string;
  /** Repetitions when BENCH_REPEAT is not set. */
  defaultRepeat: number;
  run(ctx: BenchContext): Promise<ScenarioOutcome>;
}

/** Thrown by a scenario that cannot measure on this tree (e.g. a page not built yet). */
export class NotMeasured extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotMeasured";
  }
}

export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false;
  switch (target.op) {
    case "<=":
      return value <= target.value;
    case ">=":
      return value >= target.value;
    case "==":
      return value === target.value;
  }
}

export function describeTarget(target: Target | undefined): string {
  if (!target) return "—";
  return `${target.op === "==" ? "=" : target.op === "<=" ? "≤" : "≥"} ${target.value}`;
}
