"use client";

import { useQuery } from "@tanstack/react-query";
import { Drawer } from "@/components/ui/drawer";
import { ErrorBanner } from "@/components/ui/error-banner";
import { isApiError } from "@/lib/api/get-json";
import { taskDetailView } from "@/lib/mps/task-detail-view";
import { taskTimes } from "@/lib/mps/task-times";
import { formatDuration } from "@/lib/time/duration";
import { formatInZone } from "@/lib/time/zone";
import { taskDetailQueryOptions } from "../query-options";
import { SubTaskStatusBadge } from "./mps-status";

/** The task detail drawer (DescribeTaskDetail). Loaded with next/dynamic: it is not needed to paint the table. */
export default function TaskDrawer({ taskId, zone, zoneName, onClose }: { taskId: string; zone: string; zoneName: string; onClose: () => void }) {
  const q = useQuery(taskDetailQueryOptions(taskId));
  const d = q.data;
  const view = d ? taskDetailView(d) : null;
  const t = d ? taskTimes({ CreateTime: d.CreateTime, BeginProcessTime: d.BeginProcessTime ?? "", FinishTime: d.FinishTime ?? "" }, q.dataUpdatedAt) : null;
  const when = (ms: number | null | undefined) => (ms == null ? "—" : formatInZone(ms, zone));
  const notFound = isApiError(q.error) && (q.error.code === "ResourceNotFound" || q.error.status === 404);
  return (
    <Drawer open onClose={onClose} title={taskId} subtitle={d ? `${d.TaskType} · ${d.Status}` : "Task detail"}>
      {q.isPending && (
        <div className="space-y-2" aria-busy="true" data-testid="drawer-loading">
          {[70, 50, 90, 60].map((w) => (
            <div key={w} className="h-4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-700" style={{ width: `${w}%` }} />
          ))}
        </div>
      )}
      {notFound && (
        <div role="status" data-testid="drawer-too-old" className="rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-800">
          <p className="font-semibold">Detail not available for this task</p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">
            MPS keeps task details for a few days only (DescribeTaskDetail reaches roughly the last 3 days), so this task is older than the
            detail window or no longer exists. Its row in the list still shows its times.
          </p>
        </div>
      )}
      {q.isError && !notFound && isApiError(q.error) && (
        <ErrorBanner title="Could not load the task" code={q.error.code} message={q.error.message} requestId={q.error.requestId} onRetry={() => q.refetch()} retrying={q.isFetching} />
      )}
      {d && view && t && (
        <div className="space-y-4 text-sm" data-testid="task-detail">
          <section>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Timing ({zoneName})</h3>
            <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-0.5 tabular-nums">
              <dt className="text-zinc-600 dark:text-zinc-400">Created</dt>
              <dd>{when(t.created)}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">Began processing</dt>
              <dd>{when(t.began)}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">Finished</dt>
              <dd>{when(t.finished)}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">Queue time</dt>
              <dd>{formatDuration(t.queueMs)}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">Processing time</dt>
              <dd>{formatDuration(t.processingMs)}</dd>
              {t.inStateMs !== null && (
                <>
                  <dt className="text-zinc-600 dark:text-zinc-400">In current state</dt>
                  <dd>{formatDuration(t.inStateMs)}</dd>
                </>
              )}
            </dl>
          </section>
          <section>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Input</h3>
            {view.input ? (
              <p className="break-all">
                <span className="mr-1 rounded bg-zinc-100 px-1 text-xs dark:bg-zinc-800">{view.input.label}</span>
                <span className="font-mono text-xs">{view.input.value}</span>
              </p>
            ) : (
              <p className="text-zinc-500">—</p>
            )}
            {view.errCode ? (
              <p className="mt-1 text-red-700 dark:text-red-300">
                Error {view.errCode}: {view.message}
              </p>
            ) : null}
          </section>
          <section>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              Sub-tasks ({view.subTasks.length})
            </h3>
            {view.subTasks.length === 0 ? (
              <p className="text-zinc-500">No sub-tasks reported.</p>
            ) : (
              <ul className="space-y-2">
                {view.subTasks.map((s, i) => (
                  <li key={i} data-testid="subtask" className="rounded-md border border-zinc-200 p-2 dark:border-zinc-700">
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-medium">
                        {s.type} <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">{s.group}</span>
                      </span>
                      <SubTaskStatusBadge status={s.status} />
                    </div>
                    {s.progress !== null && (
                      <div className="mt-1 flex items-center gap-2 text-xs">
                        <div role="progressbar" aria-label={`${s.type} progress`} aria-valuenow={s.progress} aria-valuemin={0} aria-valuemax={100} className="h-1.5 flex-1 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700">
                          <div className="h-full bg-sky-600" style={{ width: `${s.progress}%` }} />
                        </div>
                        <span className="tabular-nums">{s.progress}%</span>
                      </div>
                    )}
                    {(s.errCodeExt && s.errCodeExt !== "SUCCESS") || s.status === "FAIL" ? (
                      <p className="mt-1 text-xs text-red-700 dark:text-red-300">
                        <code className="font-mono">{s.errCodeExt || "error"}</code> {s.message}
                      </p>
                    ) : null}
                    {s.output ? (
                      <pre tabIndex={0} aria-label={`${s.type} output`} className="mt-1 max-h-32 overflow-auto rounded bg-zinc-50 p-1.5 font-mono text-[11px] dark:bg-zinc-950">{JSON.stringify(s.output, null, 1)}</pre>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">RequestId {d.RequestId}</p>
        </div>
      )}
    </Drawer>
  );
}
