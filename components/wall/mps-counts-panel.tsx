import clsx from "clsx";
import type { MpsWall } from "@/lib/wall/types";
import { Panel, Waiting } from "./panel";
import { TONE, type Tone } from "./tones";

const nf = new Intl.NumberFormat("en-US");

function Count({ label, value, tone, testId }: { label: string; value: number; tone: Tone; testId: string }) {
  return (
    <div className="flex min-h-0 min-w-0 flex-col justify-center rounded-[0.4rem] bg-white px-[0.8rem] dark:bg-zinc-950" data-testid={testId}>
      <span className={clsx("text-[1.1rem] leading-[1.4rem] font-semibold whitespace-nowrap uppercase", TONE.muted)}>{label}</span>
      <span className={clsx("text-[2.7rem] leading-[3rem] font-bold whitespace-nowrap tabular-nums", TONE[tone])}>{nf.format(value)}</span>
    </div>
  );
}

/** MPS counts by status over the 7 days MPS keeps, and failures in the last hour. */
export function MpsCountsPanel({ data }: { data: MpsWall | null }) {
  return (
    <Panel id="mps" title="MPS tasks · 7 days">
      {data ? (
        <div className="grid h-full grid-cols-2 grid-rows-3 gap-[0.5rem]">
          <Count label="Waiting" value={data.counts.WAITING} tone="waiting" testId="mps-waiting" />
          <Count label="Processing" value={data.counts.PROCESSING} tone="running" testId="mps-processing" />
          <Count label="Finished" value={data.counts.FINISH} tone="ok" testId="mps-finish" />
          <Count label="Stuck" value={data.stuckWaiting + data.stuckRunning} tone={data.stuckWaiting + data.stuckRunning > 0 ? "waiting" : "ok"} testId="mps-stuck" />
          <Count label="Failed · 1 h" value={data.counts.failedLastHour} tone={data.counts.failedLastHour > 0 ? "failed" : "ok"} testId="mps-failed-hour" />
          <Count label="Failed · 7 d" value={data.counts.failed} tone="failed" testId="mps-failed" />
        </div>
      ) : (
        <Waiting label="Waiting for MPS…" />
      )}
    </Panel>
  );
}
