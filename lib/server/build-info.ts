import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pkg from "@/package.json";

// Version from package.json (bundled at build time) and the build id read from disk at request time, so
// the wall screen sees a new id right after a deploy replaces the build folder.

export const APP_VERSION: string = pkg.version;

export async function readBuildId(): Promise<string | null> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  try {
    return (await readFile(path.join(process.cwd(), distDir, "BUILD_ID"), "utf8")).trim();
  } catch {
    return null;
  }
}
