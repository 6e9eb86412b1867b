import { getAccessConfig } from "./access-config";

// A server that holds live cloud credentials, answers anyone and listens beyond loopback is an open door
// into the account's task data. Nothing forbids it (a reverse proxy with SSO may sit in front), but it must
// be a decision, so the server says it loudly at start.

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(?:\.\d{1,3}){3})$/i;

/** The host `next start` binds: `-H/--hostname` on its command line, else HOST, else all interfaces. */
export function listenHost(argv: readonly string[], env: Record<string, string | undefined>): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if ((arg === "-H" || arg === "--hostname") && argv[i + 1]) return argv[i + 1] as string;
    if (arg.startsWith("--hostname=")) return arg.slice("--hostname=".length);
  }
  return env.HOST?.trim() || "0.0.0.0";
}

/** The warning text, or null when there is nothing to warn about. Pure, for tests. */
export function accessWarning(env: Record<string, string | undefined>, argv: readonly string[]): string | null {
  const live = Boolean(env.TENCENTCLOUD_SECRET_ID?.trim() && env.TENCENTCLOUD_SECRET_KEY?.trim());
  const host = listenHost(argv, env);
  const access = getAccessConfig(env);
  if (!live || access.enabled || LOOPBACK.test(host)) return null;
  return [
    "",
    "!!! SECURITY WARNING !!!",
    `Taskboard holds live Tencent Cloud credentials, listens on ${host} (beyond loopback) and has NO access control.`,
    "Anyone who can reach this port can read your MPS tasks and WeData instances through it.",
    "Set TASKBOARD_BASIC_AUTH and/or TASKBOARD_WALL_TOKENS, put it behind a single-sign-on proxy, or listen on 127.0.0.1.",
    "",
  ].join("\n");
}

/** Prints the warning (stderr banner + one JSON log line) and any access-configuration problems. */
export function warnAtStartup(env: Record<string, string | undefined> = process.env, argv: readonly string[] = process.argv): void {
  for (const problem of getAccessConfig(env).problems) {
    console.log(JSON.stringify({ level: "warn", msg: "access configuration", problem }));
  }
  const warning = accessWarning(env, argv);
  if (!warning) return;
  console.error(warning);
  console.log(JSON.stringify({ level: "warn", msg: "live credentials, no access control, listening beyond loopback" }));
}
