import clsx from "clsx";
import { INSTANCE_STATES } from "@/lib/wedata/enums";
import type { WedataWall } from "@/lib/wall/types";
import { Panel, Waiting } from "./panel";
import { TONE, WEDATA_STATE_TONE } from "./tones";

const nf = new Intl.NumberFormat("en-US");

/** Long project ids don't fit a column header; the tail is what people recognise. The full id is the title. */
export function shortProject(id: string): string {
  return id.length > 8 ? `…${id.slice(-7)}` : id;
}

const STATE_LABEL: Record<string, string> = {
  WAIT_EVENT: "Wait event",
  WAIT_UPSTREAM: "Wait upstream",
  WAIT_RUN: "Wait run",
  RUNNING: "Running",
  SKIP_RUNNING: "Skipped",
  FAILED_RETRY: "Failed, retrying",
  EXPIRED: "Failed (expired)",
  COMPLETED: "Completed",
};

/** WeData instance counts by state, one column per configured project. */
export function WedataCountsPanel({ data }: { data: WedataWall | null }) {
  return (
    <Panel id="wedata" title="WeData instances">
      {data ? (
        <table className="h-full w-full table-fixed border-collapse text-[1.3rem] leading-[1.5rem]">
          <thead>
            <tr className="h-[1.6rem]">
              <th className="w-[40%] text-left text-[1.1rem] font-semibold text-zinc-700 uppercase dark:text-zinc-300">State</th>
              {data.projects.map((p) => (
                <th key={p.projectId} title={p.projectId} className="truncate text-right text-[1.1rem] font-semibold text-zinc-700 dark:text-zinc-300">
                  {shortProject(p.projectId)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {INSTANCE_STATES.map((state) => {
              const tone = WEDATA_STATE_TONE[state] ?? "muted";
              return (
                <tr key={state} data-state={state} className="border-t-[0.05rem] border-zinc-300 dark:border-zinc-700">
                  <td className={clsx("truncate font-semibold", TONE[tone])}>{STATE_LABEL[state]}</td>
                  {data.projects.map((p) => {
                    const n = p.counts[state] ?? 0;
                    return (
                      <td key={p.projectId} className={clsx("truncate text-right font-bold tabular-nums", n > 0 || tone === "ok" ? TONE[tone] : TONE.muted)}>
                        {nf.format(n)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <Waiting label="Waiting for WeData…" />
      )}
    </Panel>
  );
}
