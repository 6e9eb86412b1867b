import { expect, test } from "./fixtures";

// Security headers on every kind of response, and a nonce CSP that blocks nothing of ours: the pages must
// render, hydrate and run the inline theme script without a single CSP violation.

const PAGES = ["/mps", "/wedata", "/wall"];

function nonceOf(csp: string | null): string {
  const m = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "");
  expect(m, `nonce in CSP: ${csp}`).not.toBeNull();
  return m?.[1] ?? "";
}

test.describe("security headers", () => {
  for (const path of PAGES) {
    test(`${path} sends a strict nonce CSP and the hardening headers`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const h = res.headers();
      const csp = h["content-security-policy"] ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("no-referrer");
      expect(h["permissions-policy"]).toContain("camera=()");
      expect(h["x-powered-by"]).toBeUndefined();

      // Every script the server writes carries this response's nonce, so the CSP lets exactly those run.
      const nonce = nonceOf(csp);
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    });
  }

  test("every response gets a fresh nonce", async ({ request }) => {
    const a = nonceOf((await request.get("/mps")).headers()["content-security-policy"] ?? null);
    const b = nonceOf((await request.get("/mps")).headers()["content-security-policy"] ?? null);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64").length).toBeGreaterThanOrEqual(16);
  });

  test("API answers allow nothing to load and are not sniffable", async ({ request }) => {
    for (const path of ["/api/health", "/api/config", "/api/mps/tasks?Status=FINISH", "/api/mps/tasks?Bogus=1", "/api/nope"]) {
      const res = await request.get(path);
      const h = res.headers();
      expect(h["content-security-policy"], path).toContain("default-src 'none'");
      // JSON runs no script: no nonce is made for it.
      expect(h["content-security-policy"], path).not.toContain("nonce-");
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["x-frame-options"], path).toBe("DENY");
      expect(h["referrer-policy"], path).toBe("no-referrer");
    }
  });

  test("static chunks are nosniff too", async ({ request }) => {
    const html = await (await request.get("/mps")).text();
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    const res = await request.get(chunk as string);
    expect(res.status()).toBe(200);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  });

  for (const path of PAGES) {
    test(`${path} runs under the CSP without a violation`, async ({ page }) => {
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${path}?theme=dark`);
      await page.waitForLoadState("networkidle");
      // The inline theme script ran (it is the only thing that reads ?theme= before paint).
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      // Next.js loaded its chunks (a blocked script would have shown up as a violation, and no chunk would run).
      expect(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.includes("/_next/static/")).length)).toBeGreaterThan(0);
      // zod 4 probes once whether eval works (`try { Function("") } catch`) and falls back when it does not:
      // the CSP refusing eval is the point, so that one probe is expected. Anything else is a real violation.
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(violations.filter((v) => v !== "script-src eval")).toEqual([]);
    });
  }

  test("a page cannot be framed by another origin", async ({ page, baseURL, allowConsoleErrors }) => {
    // Chromium refuses the frame and logs that as a console error; that error is the expected outcome here.
    allowConsoleErrors(/frame-ancestors|Refused to (display|frame)/);
    await page.setContent(`<iframe id="f" src="${baseURL}/mps"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f.url().includes("/mps"));
    const text = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
    expect(text).not.toContain("Taskboard");
  });
});
