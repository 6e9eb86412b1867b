// Instrumentation injected into the page before any of its scripts run (Playwright addInitScript). It records,
// in the page's own clock (performance.now): every animation-frame interval, the most row elements ever in the
// table, and each moment the highest rendered row index grew (a new page became visible). The bench reads
// `window.__bench` at the end and matches those moments with the resource timing of the API responses.

export interface ProbeState {
  frames: number[];
  recordFrames: boolean;
  maxRowElements: number;
  /** [time, highest data-index rendered] each time it grows. */
  growth: Array<[number, number]>;
  pin: boolean;
  scrolling: boolean;
  /** Recorded frames in which the table showed skeleton rows (it does while flying past faster than readable). */
  skeletonFrames: number;
}

declare global {
  interface Window {
    __bench: ProbeState;
  }
}

/** Runs inside the page: keep it self-contained (no imports, no closures over bench code). */
export function installProbe(): void {
  const state: ProbeState = { frames: [], recordFrames: false, maxRowElements: 0, growth: [], pin: false, scrolling: false, skeletonFrames: 0 };
  window.__bench = state;
  performance.setResourceTimingBufferSize(20_000);
  let highest = -1;
  let last = 0;
  const scroller = () => document.querySelector<HTMLElement>('[data-testid="data-table-scroll"]');
  const tick = (t: number) => {
    const s = scroller();
    if (state.recordFrames && last > 0) {
      state.frames.push(t - last);
      if (s?.querySelector("tbody[data-flying]")) state.skeletonFrames++;
    }
    last = t;
    if (s) {
      const rows = s.querySelectorAll("tr").length;
      if (rows > state.maxRowElements) state.maxRowElements = rows;
      if (state.pin) s.scrollTop = s.scrollHeight;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new MutationObserver((records) => {
    let top = highest;
    for (const r of records) {
      r.addedNodes.forEach((n) => {
        if (n instanceof HTMLElement && n.tagName === "TR" && n.dataset.rowId !== undefined) {
          const i = Number(n.dataset.index);
          if (i > top) top = i;
        }
      });
    }
    if (top > highest) {
      highest = top;
      state.growth.push([performance.now(), top]);
    }
    const s = scroller();
    if (s) {
      const rows = s.querySelectorAll("tr").length;
      if (rows > state.maxRowElements) state.maxRowElements = rows;
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Runs inside the page: scrolls the table from top to bottom in equal steps, one per frame. */
export function scrollTopToBottom(args: { seconds: number; maxMs: number }): Promise<{ steps: number; reachedEnd: boolean }> {
  const s = document.querySelector<HTMLElement>('[data-testid="data-table-scroll"]');
  if (!s) return Promise.resolve({ steps: 0, reachedEnd: false });
  const state = window.__bench;
  const step = Math.max(1, Math.ceil((s.scrollHeight - s.clientHeight) / (args.seconds * 60)));
  const started = performance.now();
  return new Promise((resolve) => {
    let steps = 0;
    state.frames = [];
    state.skeletonFrames = 0;
    state.recordFrames = true;
    const frame = () => {
      const end = s.scrollHeight - s.clientHeight;
      if (s.scrollTop >= end - 1 || performance.now() - started > args.maxMs) {
        state.recordFrames = false;
        resolve({ steps, reachedEnd: s.scrollTop >= end - 1 });
        return;
      }
      s.scrollTop = Math.min(end, s.scrollTop + step);
      steps++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Runs inside the page: scrolls the table down at a steady speed (px per second) for a while, from where it is. */
export function scrollAtSpeed(args: { pxPerSecond: number; seconds: number }): Promise<{ steps: number; px: number }> {
  const s = document.querySelector<HTMLElement>('[data-testid="data-table-scroll"]');
  if (!s) return Promise.resolve({ steps: 0, px: 0 });
  const state = window.__bench;
  const from = s.scrollTop;
  let started = -1;
  return new Promise((resolve) => {
    let steps = 0;
    state.frames = [];
    state.skeletonFrames = 0;
    state.recordFrames = true;
    const frame = (t: number) => {
      if (started < 0) started = t;
      const elapsed = (t - started) / 1000;
      if (elapsed >= args.seconds) {
        state.recordFrames = false;
        resolve({ steps, px: s.scrollTop - from });
        return;
      }
      s.scrollTop = from + elapsed * args.pxPerSecond;
      steps++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
