import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../playwright.config";

// Debian's Chromium, headless, with the flags the browser tests use (Playwright cannot download browsers here).
export const CHROMIUM_PATH = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
