"use client";

import { Check, Link2 } from "lucide-react";
import { useState } from "react";

/**
 * Two links: the live one (relative windows stay relative: "the last hour" whenever it is opened) and a pinned
 * one with absolute instants (exactly what the reader sees now).
 */
export function CopyLinkMenu({ liveUrl, pinnedUrl }: { liveUrl: () => string; pinnedUrl: () => string }) {
  const [copied, setCopied] = useState<"live" | "pinned" | null>(null);
  async function copy(kind: "live" | "pinned") {
    const url = kind === "live" ? liveUrl() : pinnedUrl();
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Clipboard may be refused (insecure context); the link is still shown for manual copying.
      window.prompt("Copy this link", url);
    }
    setCopied(kind);
    setTimeout(() => setCopied(null), 2_000);
  }
  const btn =
    "inline-flex h-8 items-center gap-1 rounded-md border border-zinc-300 bg-white px-2 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Copy link">
      <button type="button" className={btn} onClick={() => copy("live")} title="Relative time windows stay relative">
        {copied === "live" ? <Check className="size-3.5" aria-hidden /> : <Link2 className="size-3.5" aria-hidden />}
        {copied === "live" ? "Copied" : "Copy link"}
      </button>
      <button type="button" className={btn} onClick={() => copy("pinned")} title="Time windows pinned to absolute times">
        {copied === "pinned" ? <Check className="size-3.5" aria-hidden /> : <Link2 className="size-3.5" aria-hidden />}
        {copied === "pinned" ? "Copied" : "Copy pinned link"}
      </button>
    </div>
  );
}
