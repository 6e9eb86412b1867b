import Link from "next/link";
import { ModeBadge } from "./mode-badge";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

export function AppHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <nav aria-label="Main" className="mx-auto flex h-12 max-w-[1800px] items-center gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block size-3 rounded-sm bg-sky-600" />
          Taskboard
        </Link>
        <NavLinks />
        <div className="ml-auto flex items-center gap-2">
          <ModeBadge />
          <ThemeToggle />
        </div>
      </nav>
    </header>
  );
}
