import { rngFor } from "../prng";
import { type InstancePlan, S, STATES, tryDuration } from "./instance-plan";
import { viewAt } from "./instance-view";
import type { ProjectStore } from "./project-store";
import { instanceKey } from "./render-item";
import { BEIJING_OFFSET_MS, formatWall } from "./time-zone";

// Executions (life rounds with their phase lists) and logs of one instance, derived from its plan and cut
// at `now`, so a running instance's phases and log grow while it runs.

interface Phase {
  start: number;
  end: number;
  state: string;
}

/** The rounds of an instance. A rerun instance's first round failed half way and a RERUN round finished it. */
function roundPhases(plan: InstancePlan, retryGapMs: number): Phase[][] {
  const phases: Phase[] = [];
  phases.push({ start: plan.sched, end: plan.upDone, state: "WAIT_UPSTREAM" });
  if (plan.final === S.SKIP_RUNNING) {
    phases.push({ start: plan.upDone, end: plan.upDone + 1000, state: "SKIP_RUNNING" });
    return [phases];
  }
  if (!Number.isFinite(plan.start)) return [phases];
  phases.push({ start: plan.upDone, end: plan.start, state: "WAIT_RUN" });
  const dur = tryDuration(plan, retryGapMs);
  if (plan.rounds > 1) {
    const mid = plan.start + Math.floor((plan.end - plan.start) / 2000) * 1000;
    const first = [...phases, { start: plan.start, end: mid, state: "RUNNING" }, { start: mid, end: mid, state: "FAILED" }];
    const second = [
      { start: mid, end: mid + 5000, state: "WAIT_RUN" },
      { start: mid + 5000, end: plan.end, state: "RUNNING" },
      { start: plan.end, end: plan.end, state: plan.final === S.COMPLETED ? "COMPLETE" : "EXPIRED" },
    ];
    return [first, second];
  }
  for (let k = 0; k < plan.tries; k++) {
    const s = plan.start + k * (dur + retryGapMs);
    phases.push({ start: s, end: s + dur, state: "RUNNING" });
    if (k < plan.tries - 1) phases.push({ start: s + dur, end: s + dur + retryGapMs, state: "FAILED" });
  }
  phases.push({ start: plan.end, end: plan.end, state: plan.final === S.COMPLETED ? "COMPLETE" : "EXPIRED" });
  return [phases];
}

export function executionsOf(store: ProjectStore, i: number, now: number, tz: number): Record<string, unknown>[] {
  const plan = store.cols.plan(i);
  const task = store.cat.tasks[plan.task]!;
  const view = viewAt(plan, task, now);
  const rounds = roundPhases(plan, task.retryGapMs);
  const key = instanceKey(store, i);
  const out: Record<string, unknown>[] = [];
  rounds.forEach((phases, r) => {
    const visible = phases.filter((ph) => ph.start <= now);
    if (visible.length === 0) return;
    const last = r === rounds.length - 1;
    const running = visible.filter((ph) => ph.state === "RUNNING");
    const firstRun = running[0];
    const lastRun = running[running.length - 1];
    const cost = firstRun && lastRun && lastRun.end <= now ? lastRun.end - firstRun.start : null;
    out.push({
      InstanceKey: key,
      LifeRoundNum: r,
      InstanceState: last ? STATES[view.state] : "EXPIRED",
      RunType: r > 0 ? "RERUN" : plan.final === S.SKIP_RUNNING ? "PERIODIC_SKIP_RUN" : plan.instType === 0 ? "ADDITION" : plan.instType === 2 ? "APERIODIC" : "PERIODIC",
      Tries: last ? view.tries : 1,
      CostTime: cost,
      ExecutionPhaseList: visible.map((ph) => ({
        StartTime: formatWall(ph.start, tz),
        EndTime: ph.end <= now && Number.isFinite(ph.end) ? formatWall(ph.end, tz) : null,
        DetailState: ph.state,
      })),
    });
  });
  return out;
}

const LOG_PAGE_LINES = 200;
const LEVEL_NAMES: Record<string, string> = { Info: "INFO", Debug: "DEBUG", Warn: "WARN", Error: "ERROR" };
const MESSAGES = [
  "Loading task configuration",
  "Resolving resource group slot",
  "Submitting job to executor",
  "Reading partition ds=${date}",
  "Processed ${n} records",
  "Writing output partition",
  "Heartbeat ok",
  "Checkpoint committed",
  "Spilling ${n} MB to disk",
  "Task attempt progress ${p}%",
];

interface LogLine {
  at: number;
  level: string;
  text: string;
}

function logLines(store: ProjectStore, i: number, round: number): LogLine[] {
  const plan = store.cols.plan(i);
  const task = store.cat.tasks[plan.task]!;
  const phases = roundPhases(plan, task.retryGapMs)[round] ?? [];
  const rng = rngFor(store.seed, store.p, i, round, 0x106);
  const lines: LogLine[] = [];
  const date = formatWall(plan.sched, BEIJING_OFFSET_MS).slice(0, 10);
  for (const ph of phases) {
    if (ph.state !== "RUNNING") continue;
    lines.push({ at: ph.start, level: "INFO", text: `Start ${task.typeName} task ${task.taskId} (${task.name}), attempt started` });
    const count = Math.min(600, 8 + Math.floor((ph.end - ph.start) / 4000));
    for (let k = 1; k < count; k++) {
      const level = rng.weighted([["INFO", 72], ["DEBUG", 16], ["WARN", 10], ["ERROR", 2]] as const);
      const text = rng.pick(MESSAGES).replace("${date}", date).replace("${n}", String(rng.int(10, 99_999))).replace("${p}", String(Math.floor((k / count) * 100)));
      lines.push({ at: ph.start + Math.floor(((ph.end - ph.start) * k) / count), level, text });
    }
  }
  const last = phases[phases.length - 1];
  if (last?.state === "COMPLETE") lines.push({ at: last.start, level: "INFO", text: "Task finished successfully, exit code 0" });
  if (last?.state === "EXPIRED" || last?.state === "FAILED") lines.push({ at: last.start, level: "ERROR", text: "Task failed, exit code 1; no tries left" });
  for (const ph of phases) if (ph.state === "FAILED") lines.push({ at: ph.start, level: "ERROR", text: "Attempt failed, exit code 1; will retry" });
  return lines.sort((a, b) => a.at - b.at);
}

function codeContent(typeName: string, name: string): string {
  switch (typeName) {
    case "Shell":
      return `#!/bin/bash\nset -euo pipefail\n# ${name}\nhdfs dfs -test -e /warehouse/\${bizdate}/_SUCCESS\npython3 /opt/jobs/run.py --date \${bizdate}\n`;
    case "Python":
      return `# ${name}\nimport sys\nfrom jobs import run\nrun(sys.argv[1])\n`;
    case "OfflineSynchronization":
      return JSON.stringify({ reader: { type: "mysql", table: name }, writer: { type: "hive", partition: "ds=${bizdate}" } }, null, 2);
    default:
      return `-- ${name}\nINSERT OVERWRITE TABLE dws.${name.replace(/[^\w]/g, "_")} PARTITION (ds='\${bizdate}')\nSELECT * FROM ods.source WHERE ds = '\${bizdate}';\n`;
  }
}

/** One page of log lines; NextCursor is "" once the lines available so far are exhausted. */
export function logPage(store: ProjectStore, i: number, round: number, level: string, cursor: string, now: number): Record<string, unknown> {
  const task = store.cat.tasks[store.cols.task[i] as number]!;
  const lines = logLines(store, i, round).filter((l) => l.at <= now);
  const wanted = LEVEL_NAMES[level];
  let pos = /^\d+$/.test(cursor) ? Number(cursor) : 0;
  const out: string[] = [];
  while (pos < lines.length && out.length < LOG_PAGE_LINES) {
    const l = lines[pos++]!;
    if (wanted && l.level !== wanted) continue;
    out.push(`${formatWall(l.at, BEIJING_OFFSET_MS)}.${String(l.at % 1000).padStart(3, "0")} [${l.level}] ${l.text}`);
  }
  return {
    InstanceKey: instanceKey(store, i),
    ProjectId: store.cat.projectId,
    CodeContent: codeContent(task.typeName, task.name),
    LogInfo: out.join("\n"),
    NextCursor: pos < lines.length ? String(pos) : "",
  };
}
