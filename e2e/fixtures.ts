import { test as base, expect, type Page } from "@playwright/test";

// Every browser test fails on a console error or an uncaught exception: a page that logs errors is broken
// even when it looks fine. Tests that provoke an expected failed request can allow it by pattern.
export const test = base.extend<{ consoleErrors: string[]; allowConsoleErrors: (pattern: RegExp) => void }>({
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
    await provide(errors);
  },
  allowConsoleErrors: async ({ consoleErrors }, provide, testInfo) => {
    const allowed: RegExp[] = [];
    await provide((pattern) => allowed.push(pattern));
    const unexpected = consoleErrors.filter((e) => !allowed.some((p) => p.test(e)));
    if (testInfo.status === testInfo.expectedStatus) {
      expect(unexpected, "console errors during the test").toEqual([]);
    }
  },
});

// Ensures the console listener is attached for every test, even when a test doesn't name the fixture.
test.beforeEach(async ({ allowConsoleErrors }) => {
  void allowConsoleErrors;
});

export { expect };
export type { Page };

export const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4510}`;

/** Switches emulator faults on (see lib/emulator control endpoint); `null` clears them. */
export async function setFaults(faults: Record<string, unknown> | null): Promise<void> {
  const res = await fetch(`${EMULATOR_URL}/__emulator/faults`, {
    method: faults ? "POST" : "DELETE",
    headers: { "content-type": "application/json" },
    body: faults ? JSON.stringify(faults) : undefined,
  });
  if (!res.ok) throw new Error(`emulator faults: HTTP ${res.status}`);
}
