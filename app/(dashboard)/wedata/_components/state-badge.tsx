import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";
import { stateName } from "@/lib/wedata/names";
import { stateIcon, stateTone, type StateTone } from "@/lib/wedata/state-style";

const BADGE_TONE: Record<StateTone, BadgeTone> = {
  success: "success",
  danger: "danger",
  warning: "warning",
  running: "progress",
  waiting: "info",
  muted: "neutral",
};

/** A state as icon + name (never colour alone); the raw code is in the title. */
export function StateBadge({ state }: { state: string | null | undefined }) {
  return (
    <span data-state={state ?? ""} className="inline-flex">
      <StatusBadge tone={BADGE_TONE[stateTone(state)]} icon={stateIcon(state)} label={stateName(state)} title={state ?? undefined} spin={state === "RUNNING"} />
    </span>
  );
}
