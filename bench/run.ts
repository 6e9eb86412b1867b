import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { ensureBuild } from "./lib/ensure-build";
import { printTable, summarise, type ScenarioResult } from "./lib/report";
import { NotMeasured, type BenchContext, type Scenario } from "./lib/types";
import { bundleWeight } from "./scenarios/bundle-weight";
import { proxyOverhead } from "./scenarios/proxy-overhead";
import { tableAtScale } from "./scenarios/table-at-scale";
import { rateLimit } from "./scenarios/rate-limit";
import { wallScreen } from "./scenarios/wall-screen";
import { viewerFanIn } from "./scenarios/viewer-fan-in";

// `npm run bench`: builds the app into its own folder when needed, then runs each scenario against a fresh
// emulator + `next start` on loopback, prints one row per figure with its target and writes the same to
// bench/results.json. It reports; it never fails the shell on a missed target (exit 0), only on a crash.
//
//   BENCH_ONLY=1,3      run only these scenarios
//   BENCH_REPEAT=N      repetitions per scenario (median reported); default per scenario
//   BENCH_REBUILD=1     rebuild even if the bench build exists
//   BENCH_DIST_DIR=dir  build folder (default .next-bench)

const SCENARIOS: Scenario[] = [proxyOverhead, viewerFanIn, rateLimit, tableAtScale, bundleWeight, wallScreen];

const root = resolve(__dirname, "..");
const distDir = process.env.BENCH_DIST_DIR || ".next-bench";
const started = Date.now();
const log = (m: string) => console.log(`[bench ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${m}`);

function selected(): Scenario[] {
  const only = process.env.BENCH_ONLY?.trim();
  if (!only) return SCENARIOS;
  const ids = new Set(only.split(",").map((s) => Number(s.trim())));
  const picked = SCENARIOS.filter((s) => ids.has(s.id));
  if (picked.length === 0) throw new Error(`BENCH_ONLY=${only} names no scenario (known: ${SCENARIOS.map((s) => s.id).join(", ")})`);
  return picked;
}

function repeatFor(s: Scenario): number {
  const raw = process.env.BENCH_REPEAT;
  if (raw === undefined || raw === "") return s.defaultRepeat;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error(`BENCH_REPEAT must be an integer from 1 to 50 (got "${raw}")`);
  return n;
}

async function main(): Promise<void> {
  const scenarios = selected();
  log(`${cpus().length} CPUs, Node ${process.version}; scenarios ${scenarios.map((s) => s.id).join(", ")}`);
  const buildId = await ensureBuild(root, distDir, log);
  const results: ScenarioResult[] = [];
  for (const s of scenarios) {
    const repeat = repeatFor(s);
    log(`scenario ${s.id}: ${s.title} (${repeat} run${repeat > 1 ? "s, median reported" : ""})`);
    const ctx: BenchContext = { root, distDir, repeat, log };
    const t = Date.now();
    const base = { id: s.id, title: s.title, repeat, notes: [] as string[], figures: [] };
    try {
      const outcome = await s.run(ctx);
      results.push({ ...base, status: "measured", notes: outcome.notes ?? [], seconds: secondsSince(t), figures: summarise(outcome) });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const notMeasured = err instanceof NotMeasured;
      log(`scenario ${s.id} ${notMeasured ? "not measured" : "failed"}: ${reason}`);
      results.push({ ...base, status: notMeasured ? "not measured" : "error", reason: reason.split("\n")[0] ?? reason, seconds: secondsSince(t) });
    }
  }

  console.log(`\n${printTable(results)}\n`);
  for (const r of results) {
    for (const n of r.notes) console.log(`  ${r.id}. ${n}`);
    console.log(`  ${r.id}. ${r.repeat} run${r.repeat > 1 ? "s (median)" : ""}, ${r.seconds} s`);
  }
  const out = join(root, "bench/results.json");
  writeFileSync(
    out,
    JSON.stringify(
      { startedAt: new Date(started).toISOString(), finishedAt: new Date().toISOString(), machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version }, buildId, distDir, scenarios: results },
      null,
      2,
    ) + "\n",
  );
  const missed = results.flatMap((r) => r.figures.filter((f) => f.pass === false).map((f) => `${r.id}. ${f.label}`));
  log(`wrote ${out}; ${missed.length ? `${missed.length} target(s) missed` : "every measured target met"}`);
}

function secondsSince(t: number): number {
  return Math.round((Date.now() - t) / 100) / 10;
}

process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
