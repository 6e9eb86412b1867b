import type { ReactNode } from "react";
import type { WallPanel } from "@/lib/wall/config";

/** A wall panel: a big title, an optional summary on the right, and content that fills what is left. */
export function Panel({ id, title, aside, children }: { id: WallPanel; title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section
      data-panel={id}
      aria-label={title}
      className="flex min-h-0 min-w-0 flex-1 flex-col rounded-[0.6rem] border-[0.1rem] border-zinc-300 bg-zinc-50 px-[1rem] py-[0.7rem] dark:border-zinc-700 dark:bg-zinc-900"
    >
      <header className="mb-[0.5rem] flex h-[2.2rem] shrink-0 items-center justify-between gap-[1rem]">
        <h2 className="truncate text-[1.5rem] leading-[2.2rem] font-bold tracking-wide text-zinc-950 uppercase dark:text-white">{title}</h2>
        {aside ? <div className="flex min-w-0 shrink items-center gap-[1rem] truncate text-[1.15rem] leading-[2.2rem]">{aside}</div> : null}
      </header>
      <div className="relative min-h-0 flex-1">{children}</div>
    </section>
  );
}

/** What a panel shows before its source ever answered. */
export function Waiting({ label }: { label: string }) {
  return <p className="text-[1.5rem] leading-[2.2rem] text-zinc-700 dark:text-zinc-300">{label}</p>;
}
