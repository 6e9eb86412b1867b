"use client";

/**
 * ColumnMenu: show/hide and reorder columns (generic).
 *
 * Props: `columns: { id, label, required? }[]` in their default order; `order: string[]` (current order, ids);
 * `visibility: Record<string, boolean>` (missing = visible); `onChange({ order, visibility })`; `onReset()`.
 * The screen stores both in the URL, so a shared link shows the same columns.
 */

import { ArrowDown, ArrowUp, Columns3 } from "lucide-react";
import { useEffect, useRef, useState } from "react";

export type ColumnMenuItem = { id: string; label: string; required?: boolean };

export function ColumnMenu({
  columns,
  order,
  visibility,
  onChange,
  onReset,
}: {
  columns: ColumnMenuItem[];
  order: string[];
  visibility: Record<string, boolean>;
  onChange: (next: { order: string[]; visibility: Record<string, boolean> }) => void;
  onReset: () => void;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const ordered = [...order.filter((id) => byId.has(id)), ...columns.map((c) => c.id).filter((id) => !order.includes(id))];

  useEffect(() => {
    if (!open) return;
    function onDown(e: MouseEvent) {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    }
    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape") setOpen(false);
    }
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  function move(id: string, delta: number) {
    const next = [...ordered];
    const i = next.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange({ order: next, visibility });
  }

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <Columns3 aria-hidden className="size-4" /> Columns
      </button>
      {open && (
        <div
          role="group"
          aria-label="Columns"
          className="absolute right-0 z-40 mt-1 w-64 rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <ul className="space-y-0.5">
            {ordered.map((id, i) => {
              const col = byId.get(id)!;
              const visible = visibility[id] !== false;
              return (
                <li key={id} className="flex items-center gap-1 rounded px-1 py-0.5 hover:bg-zinc-50 dark:hover:bg-zinc-800">
                  <label className="flex flex-1 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={visible}
                      disabled={col.required}
                      onChange={(e) => onChange({ order: ordered, visibility: { ...visibility, [id]: e.target.checked } })}
                    />
                    {col.label}
                  </label>
                  <button
                    type="button"
                    aria-label={`Move ${col.label} up`}
                    disabled={i === 0}
                    onClick={() => move(id, -1)}
                    className="rounded p-0.5 text-zinc-500 hover:text-zinc-900 disabled:opacity-30 dark:hover:text-white"
                  >
                    <ArrowUp aria-hidden className="size-3.5" />
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${col.label} down`}
                    disabled={i === ordered.length - 1}
                    onClick={() => move(id, 1)}
                    className="rounded p-0.5 text-zinc-500 hover:text-zinc-900 disabled:opacity-30 dark:hover:text-white"
                  >
                    <ArrowDown aria-hidden className="size-3.5" />
                  </button>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            onClick={onReset}
            className="mt-2 w-full rounded border border-zinc-200 py-1 text-xs text-zinc-600 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Reset columns
          </button>
        </div>
      )}
    </div>
  );
}
