import { mkdirSync, writeFileSync } from "node:fs";
import { CHROMIUM_ARGS } from "../playwright.config";
import { openBarePage } from "../test/reliability/bare-chromium";
import { heapBreakdown } from "../test/reliability/heap-breakdown";
import { sleep } from "../test/reliability/latency-stats";
import { liveEnv, startNextServer, type NextServer } from "../test/reliability/next-server";
import { EMULATOR_URL, expect, test } from "./fixtures";

// Soak (behind SOAK=1; scripts/soak.sh): the wall screen in Chromium at its fastest refresh for SOAK_MINUTES
// (30). JS heap (after a forced GC) and DOM node count must grow less than 5%, the server's RSS must stay
// flat (under 10%). Baselines are taken after a warm-up, comparing the medians of the first and last thirds of
// the samples so no unlucky sample decides. The page runs in a bare Chromium (see bare-chromium.ts):
// Playwright's network instrumentation keeps every response and would be measured instead of the wall.
// The warm-up is a sixth of the run (5 of 30 minutes): heap snapshots showed the early growth is V8 compiling
// the wall's hot code, which at one refresh per 2 s takes minutes to settle. A snapshot at the baseline and at
// the end splits the heap into compiled code and objects; objects, where a leak would show, must grow < 5% too.

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const URL_PATH = process.env.SOAK_URL ?? "/wall?interval=2";
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_MS ?? 30_000);
const WARMUP_MS = Math.min(300_000, (MINUTES * 60_000) / 6);

test.skip(!process.env.SOAK, "soak runs only with SOAK=1 (scripts/soak.sh)");
test.setTimeout((MINUTES * 60 + 300) * 1000);

let server: NextServer;
test.beforeAll(async () => {
  server = await startNextServer(liveEnv(EMULATOR_URL));
});
test.afterAll(async () => server?.stop());

interface Sample {
  atS: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  serverRssMb: number;
  refreshes: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 1000) / 1000;

test(`soak: ${URL_PATH} for ${MINUTES} min`, async () => {
  // The one instrument inside the page: a count of the wall's refresh requests.
  const page = await openBarePage(`${server.url}${URL_PATH}`, {
    args: CHROMIUM_ARGS,
    initScript: `(() => { let n = 0; const f = window.fetch; window.__wallRefreshes = () => n; window.fetch = (input, init) => { if (String(input instanceof Request ? input.url : input).includes("/api/wall")) n++; return f(input, init); }; })();`,
  });
  await page.send("Performance.enable");
  const started = Date.now();
  const sample = async (): Promise<Sample> => {
    await page.send("HeapProfiler.collectGarbage");
    const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>("Performance.getMetrics");
    const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
    const refreshes = await page.evaluate<number>("window.__wallRefreshes ? window.__wallRefreshes() : 0");
    return { atS: Math.round((Date.now() - started) / 1000), heapMb: mib(m("JSHeapUsedSize")), nodes: m("Nodes"), listeners: m("JSEventListeners"), serverRssMb: mib(server.rssBytes()), refreshes };
  };

  await sleep(WARMUP_MS);
  const heapAtStart = await heapBreakdown(page);
  const samples: Sample[] = [];
  const endAt = started + MINUTES * 60_000;
  while (Date.now() < endAt) {
    samples.push(await sample());
    console.log(`soak sample ${JSON.stringify(samples.at(-1))}`);
    await sleep(Math.min(SAMPLE_MS, Math.max(0, endAt - Date.now())));
  }
  samples.push(await sample());
  const heapAtEnd = await heapBreakdown(page);
  const refreshes = samples.at(-1)?.refreshes ?? 0;
  await page.close();
  const pct = (a: number, b: number) => Math.round(((b - a) / a) * 1000) / 10;

  // Medians of the first and last thirds: the server's RSS is a garbage-collection sawtooth (about 100-146 MB
  // in a 30-minute run) and three samples could land on a trough at one end and a crest at the other.
  const third = Math.max(3, Math.floor(samples.length / 3));
  const first = samples.slice(0, third);
  const last = samples.slice(-third);
  const growth = (key: "heapMb" | "nodes" | "serverRssMb") => {
    const a = median(first.map((s) => s[key]));
    const b = median(last.map((s) => s[key]));
    return Math.round(((b - a) / a) * 1000) / 10;
  };
  const figures = {
    url: URL_PATH,
    minutes: MINUTES,
    refreshes,
    heapMb: { start: median(first.map((s) => s.heapMb)), end: median(last.map((s) => s.heapMb)), growthPct: growth("heapMb") },
    heapObjectsMb: { start: mib(heapAtStart.objectBytes), end: mib(heapAtEnd.objectBytes), growthPct: pct(heapAtStart.objectBytes, heapAtEnd.objectBytes) },
    heapCodeMb: { start: mib(heapAtStart.codeBytes), end: mib(heapAtEnd.codeBytes), growthPct: pct(heapAtStart.codeBytes, heapAtEnd.codeBytes) },
    domNodes: { start: median(first.map((s) => s.nodes)), end: median(last.map((s) => s.nodes)), growthPct: growth("nodes") },
    serverRssMb: { start: median(first.map((s) => s.serverRssMb)), end: median(last.map((s) => s.serverRssMb)), growthPct: growth("serverRssMb") },
    samples: samples.length,
  };
  console.log(`soak figures: ${JSON.stringify(figures)}`);
  mkdirSync("test-reports", { recursive: true });
  writeFileSync("test-reports/reliability-soak.json", `${JSON.stringify({ ...figures, series: samples }, null, 2)}\n`);

  expect(samples.length).toBeGreaterThanOrEqual(4);
  expect(refreshes).toBeGreaterThan(MINUTES * 10);
  expect(figures.heapMb.growthPct).toBeLessThan(5);
  expect(figures.heapObjectsMb.growthPct).toBeLessThan(5);
  expect(figures.domNodes.growthPct).toBeLessThan(5);
  expect(figures.serverRssMb.growthPct).toBeLessThan(10);
});
