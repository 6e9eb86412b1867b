import "server-only";

// Structured logs: one JSON object per line on stdout. Callers pass only non-secret fields (action,
// latency, outcome, RequestId...); nothing here ever sees credentials, headers or signatures.

export type LogFields = Record<string, string | number | boolean | null | undefined>;
type Sink = (line: string) => void;

const SINK_KEY = Symbol.for("taskboard.logSink");
type Holder = { [SINK_KEY]?: Sink };

const stdoutSink: Sink = (line) => {
  process.stdout.write(line + "\n");
};

function sink(): Sink | null {
  const custom = (globalThis as Holder)[SINK_KEY];
  if (custom) return custom;
  // Unit tests run thousands of calls; they opt in with setLogSink when they check the logs.
  if (process.env.VITEST && process.env.TASKBOARD_LOGS !== "1") return null;
  return stdoutSink;
}

export function logEvent(event: string, fields: LogFields, level: "info" | "warn" | "error" = "info"): void {
  const out = sink();
  if (!out) return;
  out(JSON.stringify({ ts: new Date().toISOString(), level, event, ...fields }));
}

/** Test hook: capture log lines (null restores stdout). */
export function setLogSink(s: Sink | null): void {
  if (s) (globalThis as Holder)[SINK_KEY] = s;
  else delete (globalThis as Holder)[SINK_KEY];
}
