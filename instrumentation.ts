// Runs once when the Next.js server starts: validates the configuration (a bad variable stops the server
// with a message naming it) and, with no credentials, starts the built-in emulator so demo mode needs no
// second command. Node runtime only; skipped while `next build` collects pages.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerRuntime } = await import("@/lib/server/startup");
  await startServerRuntime();
  (await import("@/lib/security/startup-warning")).warnAtStartup();
}
