"use client";

import { Link2 } from "lucide-react";
import { useState } from "react";
import { copyText } from "./copy-button";
import { PopoverMenu } from "./popover-menu";

/**
 * CopyLinkMenu: "Copy link" offering the live link (relative ranges stay relative) and a pinned one (absolute
 * times, so the recipient sees exactly this moment) (generic).
 * Props: `liveUrl()`, `pinnedUrl()`: functions so the URLs are built at click time; `pinnedNote?`.
 */
export function CopyLinkMenu({ liveUrl, pinnedUrl, pinnedNote }: { liveUrl: () => string; pinnedUrl: () => string; pinnedNote?: string }) {
  const [copied, setCopied] = useState<"live" | "pinned" | null>(null);
  async function copy(kind: "live" | "pinned") {
    await copyText(kind === "live" ? liveUrl() : pinnedUrl());
    setCopied(kind);
    setTimeout(() => setCopied(null), 2000);
  }
  const item =
    "w-full rounded-md border border-zinc-200 px-2 py-1.5 text-left hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <PopoverMenu testId="copy-link" label={<><Link2 aria-hidden className="size-4" /> Copy link</>}>
      {() => (
        <div className="space-y-2">
          <button type="button" className={item} onClick={() => copy("live")} data-testid="copy-live-link">
            <span className="block font-medium">{copied === "live" ? "Copied live link" : "Live link"}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">Relative time ranges keep moving with the clock.</span>
          </button>
          <button type="button" className={item} onClick={() => copy("pinned")} data-testid="copy-pinned-link">
            <span className="block font-medium">{copied === "pinned" ? "Copied pinned link" : "Pinned link"}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{pinnedNote ?? "Absolute times: shows exactly this window."}</span>
          </button>
        </div>
      )}
    </PopoverMenu>
  );
}
