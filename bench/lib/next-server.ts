import { spawn } from "node:child_process";
import { join } from "node:path";
import { reapOnExit, stopGroup } from "./child-group";
import { freePort, sleep } from "./free-port";

// `next start` of the bench build on a free loopback port, in its own process group so closing it ends its
// workers too (and nothing else).

export interface NextServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

export async function startNextServer(root: string, distDir: string, env: Record<string, string>): Promise<NextServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...cleanEnv(), ...env, PORT: String(port), NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  reapOnExit(child);
  let output = "";
  const keep = (c: Buffer) => {
    output = (output + c.toString("utf8")).slice(-6000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) return { url, port, close: () => stopGroup(child) };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stopGroup(child);
  throw new Error(`next start did not answer /api/health within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}

/** The parent's environment minus anything that would point the server at real Tencent Cloud or a proxy. */
function cleanEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(TENCENTCLOUD_|MPS_|WEDATA_|UPSTREAM_|E2E_|TASKBOARD_)/.test(k) || /^(https?|no)_proxy$/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}
