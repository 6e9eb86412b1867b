import { launchChromium } from "../lib/browser";
import { directCall, type DirectTarget } from "../lib/http-client";
import { sleep } from "../lib/free-port";
import { startStack, WEDATA_PROJECT_ID } from "../lib/stack";
import { round } from "../lib/stats";
import { NotMeasured, type Measurement, type Scenario } from "../lib/types";
import { WALL_DEFAULTS, WALL_PANELS } from "../../lib/wall/config";
import { gatherMps } from "../../lib/wall/gather-mps";
import { gatherWedata } from "../../lib/wall/gather-wedata";
import type { WallCall } from "../../lib/wall/upstream";

// (No `performance` import from node:perf_hooks here: the page functions below must see the browser global.)
// Scenario 6. From navigation to every wall panel filled (headless Chromium, cold browser cache, cold server
// caches), against the same upstream calls made directly: the wall's own gatherers (lib/wall) run here with a
// `call` that signs and sends straight to the emulator, in parallel exactly as /api/wall runs them. The
// emulator adds 50 ms to every answer, as in scenario 1, so the upstream time is a realistic cloud one.

const LATENCY_MS = 50;
/** Items per list, as lib/wall/gather-wall.ts asks. */
const LIST_SIZE = 12;
/** Longer than /api/wall's result cache (half the 15 s refresh interval), so every run asks the upstream. */
const COOL_DOWN_MS = 8_500;
const FILL_TIMEOUT_MS = 30_000;

export const wallScreen: Scenario = {
  id: 6,
  title: "Wall screen",
  defaultRepeat: 3,
  async run(ctx) {
    const stack = await startStack({ root: ctx.root, distDir: ctx.distDir });
    const browser = await launchChromium();
    try {
      stack.emulator.setFaults({ latencyMs: LATENCY_MS });
      const target: DirectTarget = { url: stack.emulator.url, secretId: stack.emulator.secretId, secretKey: stack.emulator.secretKey };
      const wallUrl = `${stack.server.url}/wall`;

      const direct = async (): Promise<number> => {
        const started = performance.now();
        const call = directWallCall(target);
        const now = Date.now();
        const p = { stuckWaitMin: WALL_DEFAULTS.stuckWait, stuckRunMin: WALL_DEFAULTS.stuckRun, listSize: LIST_SIZE };
        await Promise.all([gatherMps(call, { ...p, hours: WALL_DEFAULTS.hours }, now, {}), gatherWedata(call, [WEDATA_PROJECT_ID], p, now, {})]);
        return performance.now() - started;
      };
      const wall = async (): Promise<number> => {
        const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
        try {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on("pageerror", (e) => errors.push(e.message));
          // tsx (esbuild) may wrap functions with a `__name` helper that does not exist in the page.
          await page.addInitScript("globalThis.__name = globalThis.__name || ((f) => f);");
          const res = await page.goto(wallUrl, { waitUntil: "commit", timeout: 30_000 });
          if (!res || res.status() !== 200) throw new NotMeasured(`/wall answered HTTP ${res?.status()}`);
          try {
            // performance.now() counts from the navigation's start (the page's time origin). A panel counts once
            // it is rendered (has a layout box) with its data: server-rendered HTML can reach the DOM before
            // it is shown (React streams a Suspense boundary's content into a hidden container first).
            const handle = await page.waitForFunction(
              (count: number) => {
                const panels = [...document.querySelectorAll("[data-panel]")];
                const filled = panels.length >= count && panels.every((p) => p.getClientRects().length > 0 && !/Waiting for/.test(p.textContent ?? ""));
                return filled ? performance.now() : false;
              },
              WALL_PANELS.length,
              { polling: "raf", timeout: FILL_TIMEOUT_MS },
            );
            return (await handle.jsonValue()) as number;
          } catch (e) {
            const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
            throw new NotMeasured(`wall panels not all filled within ${FILL_TIMEOUT_MS / 1000} s (${why})${errors.length ? ` (page error: ${errors[0]})` : ""}`);
          }
        } finally {
          await context.close();
        }
      };

      // Warm-up (first hits of the route and the upstream client), not counted.
      await direct();
      await wall();
      const runs: Measurement[][] = [];
      for (let rep = 0; rep < ctx.repeat; rep++) {
        await sleep(COOL_DOWN_MS);
        const d = await direct();
        await sleep(COOL_DOWN_MS);
        const w = await wall();
        ctx.log(`  run ${rep + 1}: wall filled after ${round(w, 0)} ms, direct upstream ${round(d, 0)} ms`);
        runs.push([
          { key: "ratio", label: "navigation → every panel filled / direct upstream", value: round(w / d, 2), target: { op: "<=", value: 1.5 } },
          { key: "wallMs", label: "navigation → every panel filled", value: round(w, 0), unit: "ms" },
          { key: "directMs", label: "same upstream calls, direct", value: round(d, 0), unit: "ms" },
        ]);
      }
      return { runs, notes: [`default wall (${WALL_PANELS.length} panels, 1 WeData project), ${LATENCY_MS} ms upstream latency, fresh browser context and cold caches each run; median ratio = median of per-run ratios`] };
    } finally {
      await browser.close();
      await stack.close();
    }
  },
};

/** The wall's upstream door, replaced by direct signed calls (each answer's Response, or a thrown Tencent error). */
function directWallCall(target: DirectTarget): WallCall {
  return async (service, action, params) => {
    const reply = await directCall(target, service, action, params);
    const json = JSON.parse(reply.body) as { Response: { Error?: { Code: string; Message: string } } & Record<string, unknown> };
    if (json.Response.Error) throw Object.assign(new Error(json.Response.Error.Message), { code: json.Response.Error.Code });
    return json.Response;
  };
}

