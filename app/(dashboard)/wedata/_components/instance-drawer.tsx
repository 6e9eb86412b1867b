"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertOctagon } from "lucide-react";
import { Drawer } from "@/components/ui/drawer";
import { useState, type ReactNode } from "react";
import { formatCostTime } from "@/lib/wedata/cost-time";
import { cycleName, instanceTypeName, taskTypeName } from "@/lib/wedata/names";
import { apiTimeInZone } from "@/lib/wedata/time-zone";
import { executionsQuery, instanceQuery } from "../query-options";
import type { LOG_LEVEL_VALUES } from "../search-params";
import { ExecutionTimeline } from "./execution-timeline";
import { LineageList } from "./lineage-list";
import { LogViewer } from "./log-viewer";
import { StateBadge } from "./state-badge";
import { ApiErrorBanner } from "./status-banners";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 truncate tabular-nums">{children}</dd>
    </>
  );
}

const section = "flex flex-col gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800";
const heading = "text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300";

/** The drill-down: JobErrorMsg first, then the instance's facts, its runs on a timeline, its log, its lineage. */
export function InstanceDrawer({
  project,
  instanceKey,
  zone,
  zoneShort,
  level,
  onLevelChange,
  onClose,
  onOpen,
}: {
  project: string;
  instanceKey: string;
  zone: string;
  zoneShort: string;
  level: (typeof LOG_LEVEL_VALUES)[number];
  onLevelChange: (l: (typeof LOG_LEVEL_VALUES)[number]) => void;
  onClose: () => void;
  onOpen: (key: string) => void;
}) {
  const detail = useQuery(instanceQuery(project, instanceKey));
  const runs = useQuery(executionsQuery(project, instanceKey));
  const [round, setRound] = useState<number | null>(null);
  // Lineage is fetched only once its section is opened: most drill-downs never look at it.
  const [lineageOpen, setLineageOpen] = useState({ upstream: false, downstream: false });

  const d = detail.data?.Data;
  const executions = runs.data?.Data?.Items ?? [];
  const rounds = [...new Set(executions.map((e) => e.LifeRoundNum ?? 0))].sort((a, b) => b - a);

  return (
    <Drawer
      open
      onClose={onClose}
      title={instanceKey}
      subtitle={
        <span className="flex flex-wrap items-center gap-2" data-testid="drawer-subtitle">
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{d?.TaskName ?? "Loading…"}</span>
          {d ? <StateBadge state={d.InstanceState} /> : null}
        </span>
      }
    >
      <div className="flex flex-1 flex-col gap-4 overflow-y-auto p-4 text-sm" data-testid="instance-drawer">
        {detail.error ? <ApiErrorBanner title="This instance could not be loaded" error={detail.error} onRetry={() => detail.refetch()} /> : null}
        {d?.JobErrorMsg ? (
          <div role="note" data-testid="job-error" className="flex gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-50">
            <AlertOctagon className="mt-0.5 size-4 shrink-0" aria-hidden />
            <div className="min-w-0">
              <p className="text-xs font-semibold uppercase">Failure reason</p>
              <p className="font-mono text-xs break-words whitespace-pre-wrap">{d.JobErrorMsg}</p>
            </div>
          </div>
        ) : null}
        {detail.isPending ? (
          <div className="h-40 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" aria-label="Loading instance" />
        ) : d ? (
          <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1 text-xs">
            <Row label="Task ID">{d.TaskId}</Row>
            <Row label="Data time">{d.CurRunDate ?? "—"}</Row>
            <Row label={`Scheduled (${zoneShort})`}>{apiTimeInZone(d.SchedulerTime, zone)}</Row>
            <Row label={`Start (${zoneShort})`}>{apiTimeInZone(d.StartTime, zone)}</Row>
            <Row label={`End (${zoneShort})`}>{apiTimeInZone(d.EndTime, zone)}</Row>
            <Row label="Cost time">{formatCostTime(d.CostTime)}</Row>
            <Row label="Tries">
              {d.Tries ?? 0} / {d.TryLimit ?? "—"} (runs {d.TotalRunNum ?? 0})
            </Row>
            <Row label="Cycle">{cycleName(d.CycleType)}</Row>
            <Row label="Type">
              {taskTypeName(d.TaskTypeId, d.TaskType)} · {instanceTypeName(d.InstanceType)}
            </Row>
            <Row label="Workflow">{d.WorkflowName ?? d.WorkflowId ?? "—"}</Row>
            <Row label="Folder">{d.FolderName ?? d.FolderId ?? "—"}</Row>
            <Row label="Resource group">{d.ExecutorGroupName ?? d.ExecutorGroupId ?? "—"}</Row>
            <Row label="Owner">{d.OwnerUinList?.join(", ") || "—"}</Row>
            <Row label={`Last update (${zoneShort})`}>{apiTimeInZone(d.LastUpdateTime, zone)}</Row>
          </dl>
        ) : null}
        <section className={section} aria-labelledby="wd-runs">
          <h3 id="wd-runs" className={heading}>
            Runs {runs.data?.Data?.TotalCount != null ? `(${runs.data.Data.TotalCount})` : ""}
          </h3>
          {runs.error ? <ApiErrorBanner title="Runs could not be loaded" error={runs.error} onRetry={() => runs.refetch()} /> : null}
          {runs.isPending ? <div className="h-16 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" /> : executions.length ? <ExecutionTimeline executions={executions} zone={zone} /> : <p className="text-xs text-zinc-500 dark:text-zinc-400">No runs yet.</p>}
        </section>
        <section className={section} aria-labelledby="wd-log">
          <div className="flex items-center gap-2">
            <h3 id="wd-log" className={heading}>
              Log
            </h3>
            {rounds.length > 1 ? (
              <select aria-label="Run" className="ml-auto h-7 rounded-md border border-zinc-300 bg-white px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900" value={round ?? ""} onChange={(e) => setRound(e.target.value === "" ? null : Number(e.target.value))}>
                <option value="">Latest run</option>
                {rounds.map((r) => (
                  <option key={r} value={r}>
                    Run {r + 1}
                  </option>
                ))}
              </select>
            ) : null}
          </div>
          <LogViewer project={project} instanceKey={instanceKey} round={round} level={level} onLevelChange={onLevelChange} />
        </section>
        <section className={section}>
          {(["upstream", "downstream"] as const).map((dir) => (
            <details key={dir} onToggle={(e) => e.currentTarget.open && setLineageOpen((o) => ({ ...o, [dir]: true }))}>
              <summary className={`${heading} cursor-pointer`}>{dir === "upstream" ? "Upstream" : "Downstream"} instances</summary>
              <div className="mt-2">{lineageOpen[dir] ? <LineageList project={project} instanceKey={instanceKey} dir={dir} onOpen={onOpen} /> : null}</div>
            </details>
          ))}
        </section>
      </div>
    </Drawer>
  );
}
