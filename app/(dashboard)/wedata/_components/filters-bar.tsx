"use client";

import clsx from "clsx";
import { ArrowDownWideNarrow, ArrowUpNarrowWide, X } from "lucide-react";
import { useState, type RefObject } from "react";
import { CYCLE_NAMES, INSTANCE_TYPE_NAMES, SORT_COLUMN_NAMES, STATE_NAMES, TASK_TYPE_NAMES } from "@/lib/wedata/names";
import { stateIcon, stateTone, TONE_CLASSES } from "@/lib/wedata/state-style";
import type { TimeRange } from "@/lib/wedata/time-range";
import { CYCLE_TYPES, INSTANCE_STATES, SORT_COLUMNS, type CycleType, type InstanceState, type SortColumn } from "@/lib/wedata/enums";
import type { WedataSearchParams } from "../search-params";
import { Field, inputClass } from "./field";
import { TimeWindowField } from "./time-window-field";

export type SetParams = (patch: Partial<WedataSearchParams>) => void;

/** A text filter that applies on Enter or when the field is left, not on every keystroke. */
function TextFilter({
  id,
  label,
  value,
  placeholder,
  onCommit,
  inputRef,
  className,
}: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  onCommit: (v: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  className?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  return (
    <Field label={label} htmlFor={id} className={className}>
      <input
        id={id}
        ref={inputRef}
        type="search"
        className={inputClass}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== value && onCommit(draft)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onCommit(draft);
        }}
      />
    </Field>
  );
}

export function FiltersBar({
  params,
  set,
  projects,
  project,
  zone,
  zoneShort,
  keywordRef,
}: {
  params: WedataSearchParams;
  set: SetParams;
  projects: string[];
  project: string;
  zone: string;
  zoneShort: string;
  keywordRef: RefObject<HTMLInputElement | null>;
}) {
  const toggleState = (s: InstanceState) =>
    set({ state: params.state.includes(s) ? params.state.filter((x) => x !== s) : [...params.state, s] });
  const range = (key: "sched" | "start" | "upd") => (next: TimeRange | null) => set({ [key]: next });
  const active =
    params.q || params.state.length || params.itype != null || params.cycle || params.tasktype != null || params.owner ||
    params.folder || params.workflow || params.group || params.sched || params.start || params.upd;

  return (
    <section aria-label="Filters" className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-900/60">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Project" htmlFor="wd-project">
          <input
            id="wd-project"
            list="wd-project-list"
            className={clsx(inputClass, "w-52 font-mono")}
            defaultValue={project}
            key={project}
            inputMode="numeric"
            onBlur={(e) => e.target.value !== project && /^\d+$/.test(e.target.value) && set({ project: e.target.value })}
            onKeyDown={(e) => e.key === "Enter" && /^\d+$/.test(e.currentTarget.value) && set({ project: e.currentTarget.value })}
          />
          <datalist id="wd-project-list">
            {projects.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </Field>
        <TextFilter
          id="wd-keyword"
          label="Keyword (task name or ID, comma-separated)"
          value={params.q}
          placeholder="e.g. etl_orders, 2025…   ( / )"
          onCommit={(q) => set({ q })}
          inputRef={keywordRef}
          className="min-w-64 flex-1"
        />
        <Field label="Instance type" htmlFor="wd-itype">
          <select
            id="wd-itype"
            className={inputClass}
            value={params.itype ?? ""}
            onChange={(e) => set({ itype: e.target.value === "" ? null : (Number(e.target.value) as 0 | 1 | 2) })}
          >
            <option value="">Any</option>
            {([0, 1, 2] as const).map((t) => (
              <option key={t} value={t}>
                {INSTANCE_TYPE_NAMES[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Cycle" htmlFor="wd-cycle">
          <select id="wd-cycle" className={inputClass} value={params.cycle ?? ""} onChange={(e) => set({ cycle: (e.target.value || null) as CycleType | null })}>
            <option value="">Any</option>
            {CYCLE_TYPES.map((c) => (
              <option key={c} value={c}>
                {CYCLE_NAMES[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Task type" htmlFor="wd-tasktype">
          <select
            id="wd-tasktype"
            className={inputClass}
            value={params.tasktype ?? ""}
            onChange={(e) => set({ tasktype: e.target.value === "" ? null : Number(e.target.value) })}
          >
            <option value="">Any</option>
            {params.tasktype != null && !(params.tasktype in TASK_TYPE_NAMES) ? <option value={params.tasktype}>Type {params.tasktype}</option> : null}
            {Object.entries(TASK_TYPE_NAMES).map(([id, name]) => (
              <option key={id} value={id}>
                {name} ({id})
              </option>
            ))}
          </select>
        </Field>
        <TextFilter id="wd-owner" label="Owner UIN" value={params.owner} onCommit={(owner) => set({ owner })} className="w-32" />
        <TextFilter id="wd-folder" label="Folder ID" value={params.folder} onCommit={(folder) => set({ folder })} className="w-32" />
        <TextFilter id="wd-workflow" label="Workflow ID" value={params.workflow} onCommit={(workflow) => set({ workflow })} className="w-32" />
        <TextFilter id="wd-group" label="Resource group ID" value={params.group} onCommit={(group) => set({ group })} className="w-36" />
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <TimeWindowField id="wd-sched" label={`Scheduled (${zoneShort})`} zone={zone} zoneShort={zoneShort} value={params.sched} onChange={range("sched")} />
        <TimeWindowField id="wd-start" label={`Started (${zoneShort})`} zone={zone} zoneShort={zoneShort} value={params.start} onChange={range("start")} />
        <TimeWindowField id="wd-upd" label={`Last update (${zoneShort})`} zone={zone} zoneShort={zoneShort} value={params.upd} onChange={range("upd")} />
        <Field label="Sort by" htmlFor="wd-sort">
          <div className="flex gap-1">
            <select id="wd-sort" className={inputClass} value={params.sort} onChange={(e) => set({ sort: e.target.value as SortColumn })}>
              {SORT_COLUMNS.map((c) => (
                <option key={c} value={c}>
                  {SORT_COLUMN_NAMES[c]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className={clsx(inputClass, "inline-flex items-center gap-1")}
              onClick={() => set({ dir: params.dir === "DESC" ? "ASC" : "DESC" })}
              title="Switch the sort direction"
            >
              <span className="sr-only">Sort direction: </span>
              {params.dir === "DESC" ? <ArrowDownWideNarrow className="size-4" aria-hidden /> : <ArrowUpNarrowWide className="size-4" aria-hidden />}
              {params.dir === "DESC" ? "Newest / longest first" : "Oldest / shortest first"}
            </button>
          </div>
        </Field>
        {active ? (
          <button
            type="button"
            className="mt-5 inline-flex h-8 items-center gap-1 rounded-md px-2 text-sm text-zinc-700 hover:bg-zinc-200 dark:text-zinc-200 dark:hover:bg-zinc-800"
            onClick={() =>
              set({ q: "", state: [], itype: null, cycle: null, tasktype: null, owner: "", folder: "", workflow: "", group: "", sched: null, start: null, upd: null })
            }
          >
            <X className="size-4" aria-hidden /> Clear filters
          </button>
        ) : null}
      </div>
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">Instance state</legend>
        <span className="mr-1 text-xs font-medium text-zinc-600 dark:text-zinc-300" aria-hidden>
          State
        </span>
        {INSTANCE_STATES.map((s) => {
          const on = params.state.includes(s);
          const Icon = stateIcon(s);
          return (
            <button
              key={s}
              type="button"
              aria-pressed={on}
              title={s}
              onClick={() => toggleState(s)}
              className={clsx(
                "inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset",
                on ? TONE_CLASSES[stateTone(s)] + " ring-2" : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-100 dark:bg-zinc-900 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800",
              )}
            >
              <Icon className="size-3.5" aria-hidden />
              {STATE_NAMES[s]}
            </button>
          );
        })}
        {params.state.length > 1 ? (
          <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">{params.state.length} states: fetched in parallel and merged</span>
        ) : null}
      </fieldset>
    </section>
  );
}
