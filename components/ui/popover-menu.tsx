"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * PopoverMenu: a button that opens a small panel; closes on outside click and Esc (generic).
 * Props: `label` (button content), `buttonLabel?` (accessible name), `children(close)`, `align?`.
 */
export function PopoverMenu({
  label,
  buttonLabel,
  children,
  align = "right",
  testId,
}: {
  label: ReactNode;
  buttonLabel?: string;
  children: (close: () => void) => ReactNode;
  align?: "left" | "right";
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-label={buttonLabel}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        {label}
      </button>
      {open && (
        <div
          className={`absolute z-40 mt-1 w-80 rounded-md border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900 ${align === "right" ? "right-0" : "left-0"}`}
        >
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
