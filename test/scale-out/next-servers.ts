import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "@/lib/redis/test-redis-server";

// Test support: production Taskboard servers (`next start`) from one build folder, each on its own loopback
// port, with their stdout kept for the log assertions.

const ROOT = join(__dirname, "..", "..");
const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Builds into `distDir` unless it already holds a build (scripts/test.sh runs vitest before `next build`). */
export function ensureBuild(distDir: string): void {
  if (existsSync(join(ROOT, distDir, "BUILD_ID"))) return;
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error(`next build into ${distDir} failed (exit ${r.status})`);
}

export interface TaskboardServer {
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startTaskboard(distDir: string, env: Record<string, string>): Promise<TaskboardServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", VITEST: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  let partial = "";
  const collect = (d: Buffer) => {
    const lines = (partial + d.toString()).split("\n");
    partial = lines.pop() ?? "";
    logs.push(...lines);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${logs.slice(-20).join("\n")}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return { url, logs, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`next start on ${url} did not answer /api/health:\n${logs.slice(-20).join("\n")}`);
}
