import type { ChildProcess } from "node:child_process";

// Children the bench starts in their own process groups (`detached: true`): stopped with their whole group
// (`next start` has workers), and killed with it if the bench exits while they still run, so an interrupted or
// crashed bench leaves no server or emulator behind.

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) {
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      // already gone
    }
  }
});

/** Registers a child started with `detached: true`; it is forgotten once it exits. */
export function reapOnExit(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
}

/** SIGTERM to the child's group, SIGKILL after 5 s; resolves once the child has exited. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
