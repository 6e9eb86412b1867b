import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";

// Chromium driven over its DevTools pipe with only the domains a memory soak needs. Playwright enables the
// Network domain on every page it controls, and DevTools then keeps a record of every response the page
// receives: over a 30-minute wall soak that record alone outgrew the page's own heap growth, so the soak would
// have measured its instrument. Here nothing is enabled but what the caller asks for.

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export interface BarePage {
  /** A DevTools command in the page's session. */
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates an expression in the page and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Listens to a DevTools event of the page's session (only domains the caller enabled send any). */
  on(event: string, listener: (params: Record<string, unknown>) => void): () => void;
  close(): Promise<void>;
}

export async function openBarePage(url: string, opts: { executablePath?: string; args?: string[]; width?: number; height?: number; initScript?: string } = {}): Promise<BarePage> {
  const profile = mkdtempSync(path.join(tmpdir(), "taskboard-soak-"));
  const child: ChildProcess = spawn(
    opts.executablePath ?? "/usr/bin/chromium",
    [
      "--headless",
      "--remote-debugging-pipe",
      `--user-data-dir=${profile}`,
      `--window-size=${opts.width ?? 1920},${opts.height ?? 1080}`,
      ...(opts.args ?? []),
      "about:blank",
    ],
    // fd 3: commands to Chromium, fd 4: its answers (NUL-separated JSON).
    { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr = (stderr + c.toString("utf8")).slice(-4000)));

  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  let buffer = "";
  fromBrowser.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let end: number;
    while ((end = buffer.indexOf("\0")) >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
      buffer = buffer.slice(end + 1);
      if (message.method) for (const l of listeners.get(message.method) ?? []) l(message.params ?? {});
      const p = message.id !== undefined ? pending.get(message.id) : undefined;
      if (!p) continue;
      pending.delete(message.id as number);
      if (message.error) p.reject(new Error(message.error.message));
      else p.resolve(message.result);
    }
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    for (const p of pending.values()) p.reject(new Error(`chromium exited: ${stderr}`));
    pending.clear();
  });

  const raw = <T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  const { targetId } = await raw<{ targetId: string }>("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await raw<{ sessionId: string }>("Target.attachToTarget", { targetId, flatten: true });
  const send = <T>(method: string, params?: Record<string, unknown>) => raw<T>(method, params, sessionId);
  if (opts.initScript) {
    await send("Page.enable"); // scripts for new documents are only installed with the Page domain on
    await send("Page.addScriptToEvaluateOnNewDocument", { source: opts.initScript });
  }
  await send("Page.navigate", { url });

  return {
    send,
    async evaluate<T>(expression: string): Promise<T> {
      const r = await send<{ result: { value: T }; exceptionDetails?: { text: string } }>("Runtime.evaluate", { expression, returnByValue: true });
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
      return r.result.value;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    async close() {
      child.kill("SIGTERM");
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
