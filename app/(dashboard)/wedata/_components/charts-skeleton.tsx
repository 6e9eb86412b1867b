import clsx from "clsx";

export const chartCard = "flex min-w-0 flex-col gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800";

/** The charts row before its data (or its code) has arrived: four cards of the loaded panel's height. */
export function ChartsSkeleton({ busy = true }: { busy?: boolean }) {
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-4" aria-busy={busy} aria-label="Charts loading">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className={clsx(chartCard, "h-[232px] animate-pulse bg-zinc-50 dark:bg-zinc-900")} />
      ))}
    </div>
  );
}
