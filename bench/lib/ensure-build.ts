import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// The bench measures a production build in its own folder, so it never collides with `.next` (dev server,
// tests) and works from a fresh clone. A build is reused when present: BENCH_REBUILD=1 forces a new one after
// the code changed.

const BUILD_TIMEOUT_MS = 15 * 60_000;

export async function ensureBuild(root: string, distDir: string, log: (m: string) => void): Promise<string> {
  const idFile = join(root, distDir, "BUILD_ID");
  if (existsSync(idFile) && process.env.BENCH_REBUILD !== "1") {
    const id = readFileSync(idFile, "utf8").trim();
    log(`reusing build ${id} in ${distDir} (BENCH_REBUILD=1 rebuilds)`);
    return id;
  }
  log(`building into ${distDir} (next build, a few minutes on 2 cores)...`);
  const started = Date.now();
  // `next build` with a custom distDir adds `<distDir>/types/**` to tsconfig.json's include; the bench must
  // leave the work tree as it found it.
  const tsconfigPath = join(root, "tsconfig.json");
  const tsconfig = existsSync(tsconfigPath) ? readFileSync(tsconfigPath, "utf8") : null;
  const restore = () => {
    if (tsconfig === null) return;
    const now = readFileSync(tsconfigPath, "utf8");
    if (now === tsconfig) return;
    // Remove only our own entries: another build may have changed the file meanwhile.
    const parsed = JSON.parse(now) as { include?: string[] };
    parsed.include = parsed.include?.filter((p) => !p.startsWith(`${distDir}/`));
    const same = JSON.stringify(parsed) === JSON.stringify(JSON.parse(tsconfig));
    writeFileSync(tsconfigPath, same ? tsconfig : JSON.stringify(parsed, null, 2) + "\n");
  };
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (c: Buffer) => {
      output = (output + c.toString("utf8")).slice(-8000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGTERM"), BUILD_TIMEOUT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      restore();
      if (code === 0) resolve();
      else reject(new Error(`next build failed (exit ${code}):\n${output}`));
    });
  });
  const id = readFileSync(idFile, "utf8").trim();
  log(`built ${id} in ${Math.round((Date.now() - started) / 1000)} s`);
  return id;
}
