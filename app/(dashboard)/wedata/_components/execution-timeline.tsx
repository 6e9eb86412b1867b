import { formatCostTime } from "@/lib/wedata/cost-time";
import { DETAIL_STATE_NAMES } from "@/lib/wedata/names";
import { detailStateColor, detailStateIcon } from "@/lib/wedata/state-style";
import { apiTimeInZone, apiTimeToInstant } from "@/lib/wedata/time-zone";
import type { TaskInstanceExecution } from "@/lib/wedata/wire";
import { StateBadge } from "./state-badge";

/** One run per row, its phases drawn as proportional CSS bars on a shared time axis (plus a legend in words). */
export function ExecutionTimeline({ executions, zone }: { executions: TaskInstanceExecution[]; zone: string }) {
  const times = executions.flatMap((e) =>
    (e.ExecutionPhaseList ?? []).flatMap((p) => [apiTimeToInstant(p.StartTime)?.getTime(), apiTimeToInstant(p.EndTime)?.getTime()]),
  );
  const known = times.filter((t): t is number => t != null);
  const min = known.length ? Math.min(...known) : 0;
  const max = known.length ? Math.max(...known) : 1;
  const span = Math.max(1, max - min);
  return (
    <ol className="flex flex-col gap-3" data-testid="executions">
      {executions.map((e) => (
        <li key={`${e.LifeRoundNum}`} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className="font-semibold">Run {(e.LifeRoundNum ?? 0) + 1}</span>
            <StateBadge state={e.InstanceState} />
            <span className="text-zinc-600 dark:text-zinc-300">{e.RunType}</span>
            <span className="text-zinc-600 dark:text-zinc-300">tries {e.Tries ?? 0}</span>
            <span className="ml-auto tabular-nums">{formatCostTime(e.CostTime)}</span>
          </div>
          <div className="relative mt-2 h-3 rounded-sm bg-zinc-100 dark:bg-zinc-800" aria-hidden>
            {(e.ExecutionPhaseList ?? []).map((p, i) => {
              const s = apiTimeToInstant(p.StartTime)?.getTime() ?? min;
              const end = apiTimeToInstant(p.EndTime)?.getTime() ?? max;
              return (
                <span
                  key={i}
                  className="absolute top-0 h-full rounded-sm"
                  style={{ left: `${((s - min) / span) * 100}%`, width: `max(2px, ${((end - s) / span) * 100}%)`, background: detailStateColor(p.DetailState) }}
                />
              );
            })}
          </div>
          <ul className="mt-1.5 flex flex-col gap-0.5 text-[11px] text-zinc-600 dark:text-zinc-300">
            {(e.ExecutionPhaseList ?? []).map((p, i) => {
              const Icon = detailStateIcon(p.DetailState);
              return (
                <li key={i} className="flex items-center gap-1.5 tabular-nums">
                  <Icon className="size-3" aria-hidden style={{ color: detailStateColor(p.DetailState) }} />
                  <span className="w-36 font-medium">{DETAIL_STATE_NAMES[p.DetailState ?? ""] ?? p.DetailState}</span>
                  <span className="font-mono">{apiTimeInZone(p.StartTime, zone)}</span>
                  <span aria-hidden>→</span>
                  <span className="sr-only">to</span>
                  <span className="font-mono">{apiTimeInZone(p.EndTime, zone)}</span>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
