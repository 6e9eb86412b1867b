import type { ReactNode } from "react";

// Small shared form styling for the filter bar.
export const inputClass =
  "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400";

export function Field({ label, htmlFor, children, className }: { label: ReactNode; htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {label}
      </label>
      {children}
    </div>
  );
}
