import { median } from "./stats";
import { describeTarget, meets, type Measurement, type ScenarioOutcome, type Target } from "./types";

// Turns repetitions into one row per figure (median over runs, then the verdict) and prints them.

export interface FigureResult {
  key: string;
  label: string;
  value: number;
  unit?: string;
  target?: Target;
  targetText: string;
  /** null for context figures without a target. */
  pass: boolean | null;
  runs: number[];
}

export interface ScenarioResult {
  id: number;
  title: string;
  repeat: number;
  status: "measured" | "not measured" | "error";
  reason?: string;
  notes: string[];
  seconds: number;
  figures: FigureResult[];
}

export function summarise(outcome: ScenarioOutcome): FigureResult[] {
  const byKey = new Map<string, { first: Measurement; values: number[] }>();
  for (const run of outcome.runs) {
    for (const m of run) {
      const entry = byKey.get(m.key);
      if (entry) entry.values.push(m.value);
      else byKey.set(m.key, { first: m, values: [m.value] });
    }
  }
  return [...byKey.entries()].map(([key, { first, values }]) => {
    const value = median(values);
    return {
      key,
      label: first.label,
      value,
      ...(first.unit ? { unit: first.unit } : {}),
      ...(first.target ? { target: first.target } : {}),
      targetText: describeTarget(first.target),
      pass: first.target ? meets(value, first.target) : null,
      runs: values,
    };
  });
}

export function printTable(results: ScenarioResult[]): string {
  const rows: string[][] = [["scenario", "figure", "value", "target", "pass"]];
  for (const s of results) {
    const name = `${s.id}. ${s.title}`;
    if (s.status !== "measured") {
      rows.push([name, s.status, s.reason ?? "", "", "—"]);
      continue;
    }
    for (const f of s.figures) {
      const value = `${formatNumber(f.value)}${f.unit ? ` ${f.unit}` : ""}`;
      rows.push([name, f.label, value, f.targetText, f.pass === null ? "" : f.pass ? "yes" : "NO"]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c] as number)).join(" | ").trimEnd();
  const sep = widths.map((w) => "-".repeat(w)).join("-|-");
  return [line(rows[0]!), sep, ...rows.slice(1).map(line)].join("\n");
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) ? v.toLocaleString("en-US") : String(Math.round(v * 1000) / 1000);
}
