"use client";

import { Link2 } from "lucide-react";
import { useState } from "react";
import { clientLazy } from "./client-lazy";
import { PopoverMenu } from "./popover-menu";

/**
 * CopyLinkMenu: "Copy link" offering the live link (relative ranges stay relative) and a pinned one (absolute
 * times, so the recipient sees exactly this moment) (generic).
 * Props: `liveUrl()`, `pinnedUrl()`: functions so the URLs are built at click time; `pinnedNote?`.
 */

// The panel loads when the popover first opens; until then a box of its height.
const CopyLinkPanel = clientLazy(
  () => import("./copy-link-panel").then((m) => m.CopyLinkPanel),
  () => <div className="h-[7.25rem]" aria-busy="true" />,
);

export function CopyLinkMenu({ liveUrl, pinnedUrl, pinnedNote }: { liveUrl: () => string; pinnedUrl: () => string; pinnedNote?: string }) {
  const [copied, setCopied] = useState<"live" | "pinned" | null>(null);
  return (
    <PopoverMenu testId="copy-link" label={<><Link2 aria-hidden className="size-4" /> Copy link</>}>
      {() => <CopyLinkPanel liveUrl={liveUrl} pinnedUrl={pinnedUrl} pinnedNote={pinnedNote} copied={copied} setCopied={setCopied} />}
    </PopoverMenu>
  );
}
