import type { Page } from "@playwright/test";
import { sleep } from "../lib/free-port";
import { launchChromium } from "../lib/browser";
import { installProbe, scrollAtSpeed, scrollTopToBottom, type ProbeState } from "../lib/page-probe";
import { startStack } from "../lib/stack";
import { percentile, round } from "../lib/stats";
import { NotMeasured, type Measurement, type Scenario } from "../lib/types";

// Scenario 4. Each table in headless Chromium against the production build: the reader keeps the table
// scrolled to its end until 100,000 MPS rows (and then all 176,022 WeData instances of the doc) are loaded (the
// table fetches the next page as the end nears), then scrolls from top to bottom in equal steps, one per frame,
// then skims from the middle at a readable speed. Measured in the page: row elements in the DOM
// (most ever), animation-frame intervals while scrolling, JS heap (CDP, sampled every second), and for
// every page the time from the API response's last byte (resource timing) to its first row in the DOM.

interface Table {
  name: string;
  path: string;
  /** Resource-timing name fragment of the table's page requests. */
  api: string;
  targetRows: number;
  emulatorScale: number;
  loadBudgetMs: number;
}

const TABLES: Table[] = [
  // Scale 3 gives ~106,000 finished tasks in the emulator's 7-day window (scale 1 ≈ 35,000).
  { name: "mps", path: "/mps?status=finished&range=7d&refresh=off", api: "/api/mps/tasks?", targetRows: 100_000, emulatorScale: 3, loadBudgetMs: 4 * 60_000 },
  // Scale 1 holds the doc's 176,022 instances in project 1460947878944567296; WeData pages are rate-limited
  // to 20/s, so loading them all takes at least 88 s.
  { name: "wedata", path: "/wedata?refresh=off", api: "/api/wedata/instances?", targetRows: 176_022, emulatorScale: 1, loadBudgetMs: 6 * 60_000 },
];
const STALL_MS = 30_000;
const SCROLL_SECONDS = 20;
// A fast skim a person can still follow: about 90 rows a second, each row on screen for ~0.2 s.
const READING_PX_PER_S = 3_000;
const READING_SECONDS = 10;

export const tableAtScale: Scenario = {
  id: 4,
  title: "Table at scale",
  defaultRepeat: 1,
  async run(ctx) {
    const runs: Measurement[][] = ctx.repeat > 0 ? Array.from({ length: ctx.repeat }, () => []) : [];
    const only = process.env.BENCH_TABLES?.split(",");
    for (const t of TABLES.filter((x) => !only || only.includes(x.name))) {
      const stack = await startStack({ root: ctx.root, distDir: ctx.distDir, emulator: { scale: t.emulatorScale } });
      const browser = await launchChromium();
      try {
        for (let rep = 0; rep < ctx.repeat; rep++) {
          const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
          try {
            const page = await context.newPage();
            ctx.log(`  ${t.name}: ${t.path}`);
            const figures = await measure(page, stack.server.url, t, ctx.log);
            runs[rep]?.push(...figures.map((m) => ({ ...m, key: `${t.name}.${m.key}`, label: `${t.name}: ${m.label}` })));
          } finally {
            await context.close();
          }
        }
      } finally {
        await browser.close();
        await stack.close();
      }
    }
    return {
      runs,
      notes: [
        ...TABLES.map((t) => `${t.name}: ${t.path}, emulator scale ${t.emulatorScale}`),
        `scroll top→bottom in ${SCROLL_SECONDS} s of equal per-frame steps (rows flying past render as skeletons); skim at ${READING_PX_PER_S} px/s for ${READING_SECONDS} s; page latency = API response end → first row of that page in the DOM`,
      ],
    };
  },
};

async function measure(page: Page, base: string, t: Table, log: (m: string) => void): Promise<Measurement[]> {
  const { path: PAGE_PATH, targetRows: TARGET_ROWS, loadBudgetMs: LOAD_BUDGET_MS } = t;
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // tsx (esbuild) may wrap functions with a `__name` helper that does not exist in the page.
  await page.addInitScript("globalThis.__name = globalThis.__name || ((f) => f);");
  await page.addInitScript(installProbe);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  let maxHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        const { metrics } = await cdp.send("Performance.getMetrics");
        const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
        if (used > maxHeap) maxHeap = used;
      } catch {
        // page navigating
      }
      await sleep(1000);
    }
  })();

  try {
    const res = await page.goto(base + PAGE_PATH, { waitUntil: "load", timeout: 60_000 });
    if (!res || res.status() !== 200) throw new NotMeasured(`${PAGE_PATH} answered HTTP ${res?.status()}`);
    const table = page.locator('[data-testid="data-table-scroll"] tr[data-row-id]').first();
    try {
      await table.waitFor({ timeout: 30_000 });
    } catch {
      throw new NotMeasured(`no table rows on ${PAGE_PATH} within 30 s`);
    }

    // Phase 1: keep the table pinned to its end until enough rows are loaded.
    const loadStarted = Date.now();
    await page.evaluate(() => {
      window.__bench.pin = true;
    });
    let loaded = 0;
    let lastProgress = Date.now();
    let ended = false;
    let lastLog = Date.now();
    while (Date.now() - loadStarted < LOAD_BUDGET_MS && Date.now() - lastProgress < STALL_MS) {
      await sleep(1000);
      const now = await page.evaluate(() => {
        const g = window.__bench.growth;
        return { top: (g.at(-1)?.[1] ?? -1) + 1, end: document.querySelector('[data-testid="data-table-end"]') !== null, error: document.querySelector('[data-testid="data-table-error"]') !== null };
      });
      if (now.top > loaded) {
        loaded = now.top;
        lastProgress = Date.now();
      }
      if (Date.now() - lastLog >= 15_000) {
        lastLog = Date.now();
        log(`  ${loaded} rows after ${Math.round((Date.now() - loadStarted) / 1000)} s`);
      }
      if (loaded >= TARGET_ROWS || now.end || now.error) {
        ended = now.end;
        break;
      }
    }
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    await page.evaluate(() => {
      window.__bench.pin = false;
    });
    log(`  loaded ${loaded} rows in ${round(loadSeconds, 1)} s${ended ? " (end of list)" : ""}`);
    // What the loaded rows keep alive, as opposed to the peak, which includes garbage not yet collected.
    await cdp.send("HeapProfiler.collectGarbage");
    const retained = (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;

    // Per-page latency: each API response end → first growth of the rendered rows after it.
    const latencies = await page.evaluate((api) => {
      const entries = performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes(api))
        .map((e) => (e as PerformanceResourceTiming).responseEnd)
        .sort((a, b) => a - b);
      const growth = window.__bench.growth;
      const out: number[] = [];
      let g = 0;
      for (const end of entries) {
        while (g < growth.length && (growth[g] as [number, number])[0] < end) g++;
        if (g < growth.length) out.push((growth[g] as [number, number])[0] - end);
      }
      return out;
    }, t.api);

    // Phase 2: back to the top, then one equal step per frame to the bottom.
    await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('[data-testid="data-table-scroll"]');
      if (s) s.scrollTop = 0;
    });
    await sleep(1000);
    const scroll = await page.evaluate(scrollTopToBottom, { seconds: SCROLL_SECONDS, maxMs: 60_000 });
    const probe: ProbeState = await page.evaluate(() => window.__bench);
    log(`  scrolled ${scroll.steps} frames (reached end: ${scroll.reachedEnd}), frame p95 ${round(percentile(probe.frames, 95), 1)} ms, ${probe.skeletonFrames} with skeleton rows, max ${probe.maxRowElements} row elements`);

    // Phase 3: from the middle, a steady skim at reading speed: every row must render in full, smoothly.
    await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('[data-testid="data-table-scroll"]');
      if (s) s.scrollTop = Math.floor(s.scrollHeight / 2);
    });
    await sleep(1000);
    const skim = await page.evaluate(scrollAtSpeed, { pxPerSecond: READING_PX_PER_S, seconds: READING_SECONDS });
    const reading: ProbeState = await page.evaluate(() => window.__bench);
    log(`  skimmed ${skim.px} px in ${skim.steps} frames, frame p95 ${round(percentile(reading.frames, 95), 1)} ms, ${reading.skeletonFrames} with skeleton rows`);
    if (pageErrors.length) log(`  page errors: ${pageErrors.slice(0, 3).join(" | ")}`);

    return [
      { key: "rowsLoaded", label: "rows loaded by scrolling", value: loaded, target: { op: ">=", value: TARGET_ROWS } },
      { key: "maxRowElements", label: "most row elements in the DOM", value: probe.maxRowElements, target: { op: "<=", value: 100 } },
      { key: "frameP95", label: "frame time p95 while scrolling", value: round(percentile(probe.frames, 95), 1), unit: "ms", target: { op: "<=", value: 16.7 } },
      { key: "frameP50", label: "frame time p50 while scrolling", value: round(percentile(probe.frames, 50), 1), unit: "ms" },
      { key: "skeletonShare", label: "top→bottom frames showing skeleton rows (flying past)", value: round((100 * probe.skeletonFrames) / Math.max(1, probe.frames.length), 1), unit: "%" },
      { key: "readingFrameP95", label: `frame time p95 skimming at ${READING_PX_PER_S} px/s`, value: round(percentile(reading.frames, 95), 1), unit: "ms", target: { op: "<=", value: 16.7 } },
      { key: "readingSkeletonFrames", label: "skimming frames showing skeleton rows", value: reading.skeletonFrames, target: { op: "==", value: 0 } },
      { key: "heapMb", label: "JS heap, most used", value: round(maxHeap / 1e6, 1), unit: "MB", target: { op: "<=", value: 200 } },
      { key: "heapRetainedMb", label: "JS heap after GC with the rows loaded", value: round(retained / 1e6, 1), unit: "MB" },
      { key: "pageLatencyP95", label: "next page in DOM after its response, p95", value: round(percentile(latencies, 95), 1), unit: "ms", target: { op: "<=", value: 100 } },
      { key: "pageLatencyMax", label: "next page in DOM after its response, max", value: round(Math.max(...latencies), 1), unit: "ms" },
      { key: "pages", label: "pages matched to a render", value: latencies.length },
      { key: "loadSeconds", label: "time to load the rows", value: round(loadSeconds, 1), unit: "s" },
      { key: "pageErrors", label: "uncaught page errors", value: pageErrors.length, target: { op: "==", value: 0 } },
    ];
  } finally {
    sampling = false;
    await sampler;
  }
}
