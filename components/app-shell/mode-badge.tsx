import { getRuntimeMode } from "@/lib/server/runtime-mode";

// Server component: demo mode must be obvious, so nobody mistakes emulated numbers for production.
export async function ModeBadge() {
  const mode = await getRuntimeMode();
  if (mode !== "demo") return null;
  return (
    <span
      title="No Tencent Cloud credentials are set: Taskboard is showing its built-in emulator."
      className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      Demo data
    </span>
  );
}
