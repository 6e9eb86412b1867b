import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

// Starts an extra production server (`next start` on the existing build) with its own environment, for
// specs that need a configuration the shared Playwright server does not have (access control, a recording
// upstream) or that must read the server's own output (secrets scan) and memory (load, soak). The child
// process is the server itself (`next start` does not fork), so its pid gives the server's RSS.

export interface NextServer {
  url: string;
  port: number;
  pid: number;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Resident set size of the server process, in bytes (Linux /proc). */
  rssBytes(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb * 1024;
}

/** Environment of a live-mode server talking to `upstream` with the per-run E2E credentials. */
export function liveEnv(upstream: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TENCENTCLOUD_SECRET_ID: process.env.E2E_SECRET_ID ?? "",
    TENCENTCLOUD_SECRET_KEY: process.env.E2E_SECRET_KEY ?? "",
    MPS_ENDPOINT: upstream,
    WEDATA_ENDPOINT: upstream,
    WEDATA_PROJECT_IDS: "1460947878944567296,1460947878944567297",
    UPSTREAM_CACHE_TTL_MS: "1000",
    ...extra,
  };
}

export async function startNextServer(env: Record<string, string>, opts: { port?: number; timeoutMs?: number } = {}): Promise<NextServer> {
  const port = opts.port ?? (await freePort());
  const nextBin = path.join(process.cwd(), "node_modules/next/dist/bin/next");
  // Only what the server needs: no credentials of the test runner's own environment leak in.
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
    PORT: String(port),
    ...env,
  };
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start did not answer within ${opts.timeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    port,
    pid: child.pid ?? -1,
    output: () => out,
    rssBytes: () => rssOf(child.pid ?? -1),
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
