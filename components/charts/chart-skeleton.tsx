/** Where a chart will be, while its data or code is on the way (its own module: pages show it at first paint). */
export function ChartSkeleton({ height = 160 }: { height?: number }) {
  return <div aria-hidden className="w-full animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" style={{ height }} />;
}
