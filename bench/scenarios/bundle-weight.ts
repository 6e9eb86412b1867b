import { gzipSync } from "node:zlib";
import { startStack } from "../lib/stack";
import { round } from "../lib/stats";
import { NotMeasured, type Measurement, type Scenario } from "../lib/types";

// Scenario 5. First-load JavaScript of a page = every external script its server-rendered HTML references
// (the chunks the browser must fetch before the page is interactive), each gzipped at level 9 and summed.
// Chunks loaded later on demand (charts, drawers) are not in the HTML, which is the point. The "empty page"
// is a 404 of the same build: root layout and framework, no page code (the bench adds no route of its own).

const PAGES = ["/mps", "/wedata", "/wall"];
const EMPTY_PAGE = "/__bench-empty-page-404";

export const bundleWeight: Scenario = {
  id: 5,
  title: "Bundle weight",
  defaultRepeat: 1,
  async run(ctx) {
    const stack = await startStack({ root: ctx.root, distDir: ctx.distDir });
    try {
      const base = stack.server.url;
      const sizes = new Map<string, number>();
      const gz = async (src: string): Promise<number> => {
        const cached = sizes.get(src);
        if (cached !== undefined) return cached;
        const res = await fetch(new URL(src, base));
        if (!res.ok) throw new Error(`GET ${src}: HTTP ${res.status}`);
        const size = gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
        sizes.set(src, size);
        return size;
      };
      const weigh = async (path: string, expectOk: boolean) => {
        const res = await fetch(base + path);
        const html = await res.text();
        if (expectOk && !res.ok) throw new NotMeasured(`${path} answers HTTP ${res.status}`);
        const scripts = scriptSources(html);
        if (scripts.length === 0) throw new NotMeasured(`${path} references no script`);
        let total = 0;
        for (const s of scripts) total += await gz(s);
        return { total, count: scripts.length };
      };

      const empty = await weigh(EMPTY_PAGE, false);
      ctx.log(`  empty page (404): ${empty.count} scripts, ${round(empty.total / 1024, 1)} KiB gzip`);
      const run: Measurement[] = [{ key: "empty.kib", label: "empty page (404): first-load JS gzip", value: round(empty.total / 1024, 1), unit: "KiB" }];
      for (const path of PAGES) {
        const page = await weigh(path, true);
        ctx.log(`  ${path}: ${page.count} scripts, ${round(page.total / 1024, 1)} KiB gzip`);
        run.push(
          { key: `${path}.ratio`, label: `${path}: first-load JS / empty page`, value: round(page.total / empty.total), target: { op: "<=", value: 1.3 } },
          { key: `${path}.kib`, label: `${path}: first-load JS gzip`, value: round(page.total / 1024, 1), unit: "KiB" },
        );
      }
      return { runs: [run], notes: ["first-load JS = external <script src> of the server HTML, gzip -9, summed; empty page = a 404 of the same build"] };
    } finally {
      await stack.close();
    }
  },
};

/** The distinct same-origin script URLs an HTML document loads. */
export function scriptSources(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const src = (m[1] as string).replace(/&amp;/g, "&");
    if (src.startsWith("/")) out.add(src);
  }
  return [...out];
}
