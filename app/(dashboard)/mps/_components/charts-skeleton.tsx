import { ChartSkeleton } from "@/components/charts/chart-skeleton";

/** The three chart cards before their data (or their code) has arrived, at the loaded cards' size. */
export function ChartsSkeleton() {
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-3" data-testid="charts-loading">
      {[0, 1, 2].map((i) => (
        <div key={i} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <ChartSkeleton />
        </div>
      ))}
    </div>
  );
}
