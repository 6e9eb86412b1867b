import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

// Shared by the wall specs: screen sizes, waiting for both sources, layout checks and screenshots.

export const SCREENS = [
  { name: "1920x1080", width: 1920, height: 1080 },
  { name: "3840x2160", width: 3840, height: 2160 },
] as const;

export const PROJECTS = ["1460947878944567296", "1460947878944567297"];

export const SCREENSHOT_DIR = process.env.WALL_SCREENSHOT_DIR ?? "screenshots";

/** Both sources have answered with data. */
export async function waitForData(page: Page): Promise<void> {
  await expect(page.getByTestId("freshness-mps")).toContainText("updated", { timeout: 30_000 });
  await expect(page.getByTestId("freshness-wedata")).toContainText("updated", { timeout: 30_000 });
}

/** The document never scrolls: its scroll size equals its client size in both directions. */
export async function expectNoScrollbars(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight, iw: window.innerWidth, ih: window.innerHeight };
  });
  expect(sizes.sw).toBe(sizes.cw);
  expect(sizes.sh).toBe(sizes.ch);
  // No scrollbar gutter eats into the screen either.
  expect(sizes.cw).toBe(sizes.iw);
  expect(sizes.ch).toBe(sizes.ih);
}

/**
 * Nothing is cut: every element with text fits its box, except single-line text that ends in an ellipsis
 * and carries the full text in `title`; and every element lies inside the viewport.
 */
export async function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const root = document.querySelector(".wall-root");
    if (!root) return ["no .wall-root"];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    for (const el of root.querySelectorAll<HTMLElement>("*")) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!hasText) continue;
      const r = el.getBoundingClientRect();
      const label = `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}"`;
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > vw + 0.5 || r.bottom > vh + 0.5 || r.left < -0.5 || r.top < -0.5) bad.push(`${label} outside the viewport`);
      const style = getComputedStyle(el);
      if (el.scrollHeight > el.clientHeight + 1 && style.display !== "inline") bad.push(`${label} cut vertically (${el.scrollHeight} > ${el.clientHeight})`);
      if (el.scrollWidth > el.clientWidth + 1 && style.display !== "inline") {
        const ellipsis = style.textOverflow === "ellipsis" && el.title !== "";
        if (!ellipsis) bad.push(`${label} cut horizontally without ellipsis+title (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return bad;
  });
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/wall-${name}.png` });
}
