"use client";

import { useQuery } from "@tanstack/react-query";
import { lineageQuery } from "../query-options";
import { StateBadge } from "./state-badge";

/** Upstream or downstream instances; each opens in the drawer. Fetched only when its section is expanded. */
export function LineageList({ project, instanceKey, dir, onOpen }: { project: string; instanceKey: string; dir: "upstream" | "downstream"; onOpen: (key: string) => void }) {
  const q = useQuery(lineageQuery(project, instanceKey, dir));
  if (q.isPending) return <p className="text-xs text-zinc-500 dark:text-zinc-400">Loading…</p>;
  if (q.error) return <p className="text-xs text-red-700 dark:text-red-300">Could not load: {q.error.message}</p>;
  const items = q.data.Data?.Items ?? [];
  if (items.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">None.</p>;
  return (
    <ul className="flex flex-col gap-0.5 text-xs">
      {items.map((i) => (
        <li key={i.InstanceKey}>
          <button type="button" onClick={() => onOpen(i.InstanceKey)} className="flex w-full items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800">
            <StateBadge state={i.InstanceState} />
            <span className="truncate">{i.TaskName}</span>
            <span className="ml-auto font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{i.CurRunDate}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
