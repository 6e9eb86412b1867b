import clsx from "clsx";
import { createElement } from "react";
import { stateName } from "@/lib/wedata/names";
import { stateIcon, stateTone, TONE_CLASSES } from "@/lib/wedata/state-style";

/** A state as icon + name (never colour alone); the raw code is in the title. */
export function StateBadge({ state, className }: { state: string | null | undefined; className?: string }) {
  return (
    <span
      title={state ?? undefined}
      data-state={state ?? ""}
      className={clsx(
        "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONE_CLASSES[stateTone(state)],
        className,
      )}
    >
      {createElement(stateIcon(state), { className: "size-3.5 shrink-0", "aria-hidden": true })}
      {stateName(state)}
    </span>
  );
}
