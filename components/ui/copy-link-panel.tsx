"use client";

import { copyText } from "./copy-button";

// The inside of CopyLinkMenu's popover, loaded when it first opens. `copied` lives in the menu.

export type CopyLinkPanelProps = {
  liveUrl: () => string;
  pinnedUrl: () => string;
  pinnedNote?: string;
  copied: "live" | "pinned" | null;
  setCopied: (kind: "live" | "pinned" | null) => void;
};

export function CopyLinkPanel({ liveUrl, pinnedUrl, pinnedNote, copied, setCopied }: CopyLinkPanelProps) {
  async function copy(kind: "live" | "pinned") {
    await copyText(kind === "live" ? liveUrl() : pinnedUrl());
    setCopied(kind);
    setTimeout(() => setCopied(null), 2000);
  }
  const item =
    "w-full rounded-md border border-zinc-200 px-2 py-1.5 text-left hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
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
  );
}
