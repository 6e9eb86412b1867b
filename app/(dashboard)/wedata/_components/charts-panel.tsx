"use client";

import clsx from "clsx";
import { StackedTimeChart } from "@/components/charts";
import { formatCostTime } from "@/lib/wedata/cost-time";
import { stateName } from "@/lib/wedata/names";
import { stateIcon, STATE_COLOR } from "@/lib/wedata/state-style";
import type { WedataStats } from "@/lib/wedata/stats-types";
import { formatInZone } from "@/lib/wedata/time-zone";
import { INSTANCE_STATES, type InstanceState } from "@/lib/wedata/enums";
import { chartCard, ChartsSkeleton } from "./charts-skeleton";
import { StateBadge } from "./state-badge";

function overTimeRows(data: WedataStats["overTime"], zone: string) {
  const pattern = data.bucketMs >= 86_400_000 ? "MM-dd" : "MM-dd HH:mm";
  return data.buckets.map((b) => ({ label: formatInZone(new Date(b.start), zone, pattern), ...b.counts }));
}

const card = chartCard;
const heading = "text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300";

/**
 * Instances per state (each bar is a button: click filters by that state), instances over time stacked by
 * state, the longest-running instances and the most-retried tasks. All from /api/wedata/stats.
 */
export function ChartsPanel({
  stats,
  loading,
  zone,
  selectedStates,
  onToggleState,
  onOpenInstance,
}: {
  stats: WedataStats | undefined;
  loading: boolean;
  zone: string;
  selectedStates: InstanceState[];
  onToggleState: (s: InstanceState) => void;
  onOpenInstance: (key: string) => void;
}) {
  if (!stats) return <ChartsSkeleton busy={loading} />;
  // Log scale: Succeeded is usually thousands of times larger than Failed, and a linear bar would hide the
  // states an on-call engineer is looking for. The exact count is always printed beside the bar.
  const max = Math.log10(1 + Math.max(1, ...stats.byState.map((s) => s.count)));
  const barWidth = (count: number) => (count > 0 ? Math.max(3, (Math.log10(1 + count) / max) * 100) : 0);
  return (
    <section aria-label="Charts" className="grid grid-cols-1 gap-3 lg:grid-cols-[1fr_1.6fr_1fr_1fr]">
      <div className={card}>
        <h2 className={heading}>
          Instances per state <span className="font-normal normal-case">(log scale)</span>
        </h2>
        <ul className="flex flex-col gap-0.5" data-testid="state-counts">
          {stats.byState.map(({ state, count }) => {
            const Icon = stateIcon(state);
            const on = selectedStates.includes(state);
            return (
              <li key={state}>
                <button
                  type="button"
                  aria-pressed={on}
                  onClick={() => onToggleState(state)}
                  data-state={state}
                  title={`Show only ${stateName(state)} (${state}); click again to remove`}
                  className={clsx(
                    "group grid w-full grid-cols-[8.5rem_1fr_4.5rem] items-center gap-2 rounded px-1 py-0.5 text-left text-xs hover:bg-zinc-100 dark:hover:bg-zinc-800",
                    on && "bg-sky-50 ring-1 ring-sky-400 dark:bg-sky-950/60",
                  )}
                >
                  <span className="flex items-center gap-1 truncate">
                    <Icon className="size-3.5 shrink-0" aria-hidden style={{ color: STATE_COLOR[state] }} />
                    {stateName(state)}
                  </span>
                  <span className="h-2.5 rounded-sm bg-zinc-100 dark:bg-zinc-800">
                    <span className="block h-full rounded-sm" style={{ width: `${barWidth(count)}%`, background: STATE_COLOR[state] }} />
                  </span>
                  <span className="text-right tabular-nums">{count.toLocaleString("en-US")}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className={card}>
        <h2 className={heading}>
          Over time, by state <span className="font-normal normal-case">(latest {stats.overTime.sampleSize.toLocaleString("en-US")} by scheduled time)</span>
        </h2>
        {stats.overTime.buckets.length ? <StackedTimeChart
            height={180}
            data={overTimeRows(stats.overTime, zone)}
            series={INSTANCE_STATES.filter((s) => stats.overTime.buckets.some((b) => (b.counts[s] ?? 0) > 0)).map((s) => ({ key: s, label: stateName(s), color: STATE_COLOR[s] }))}
          /> : <p className="py-8 text-center text-xs text-zinc-500 dark:text-zinc-400">No instances in this window.</p>}
      </div>
      <div className={card}>
        <h2 className={heading}>Longest running</h2>
        <ol className="flex flex-col gap-0.5 text-xs" data-testid="longest-running">
          {stats.longest.slice(0, 7).map((i) => (
            <li key={i.InstanceKey}>
              <button type="button" onClick={() => onOpenInstance(i.InstanceKey)} className="grid w-full grid-cols-[1fr_auto] items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800">
                <span className="truncate" title={`${i.TaskName ?? ""} · ${stateName(i.InstanceState)}`}>{i.TaskName || i.TaskId}</span>
                <span className="tabular-nums font-medium">{formatCostTime(i.CostTime)}</span>
              </button>
            </li>
          ))}
          {stats.longest.length === 0 ? <li className="py-4 text-center text-zinc-500 dark:text-zinc-400">Nothing ran.</li> : null}
        </ol>
      </div>
      <div className={card}>
        <h2 className={heading}>Most retried tasks</h2>
        <ol className="flex flex-col gap-0.5 text-xs" data-testid="most-retried">
          {stats.mostRetried.slice(0, 7).map((t) => (
            <li key={t.TaskId} className="grid grid-cols-[1fr_auto] items-center gap-2 px-1 py-0.5">
              <span className="truncate" title={t.TaskId}>{t.TaskName || t.TaskId}</span>
              <span className="tabular-nums font-medium">
                {t.maxTries} / {t.tryLimit ?? "—"} tries
              </span>
            </li>
          ))}
          {stats.mostRetried.length === 0 ? (
            <li className="flex items-center justify-center gap-1 py-4 text-zinc-500 dark:text-zinc-400">
              <StateBadge state="COMPLETED" /> no retries in the latest instances
            </li>
          ) : null}
        </ol>
      </div>
    </section>
  );
}
