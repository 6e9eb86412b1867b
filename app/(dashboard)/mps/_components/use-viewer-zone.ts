"use client";

import { useSyncExternalStore } from "react";
import { viewerTimeZone } from "@/lib/time/zone";

const noSubscribe = () => () => {};

/** The browser's zone; "UTC" during server rendering (the server cannot know the viewer's zone). */
export function useViewerZone(): string {
  return useSyncExternalStore(noSubscribe, viewerTimeZone, () => "UTC");
}
