"use client";

import { clientLazy } from "@/components/ui/client-lazy";
import { ChartsSkeleton } from "./charts-skeleton";

// Parts of the WeData page that are not needed for its first paint, loaded after it: the charts row only
// has something to show once /api/wedata/stats answers (until then, and while its code loads, the same
// skeleton holds its place), the drawer only when an instance is opened, and the empty state only when a
// listing comes back empty (a box of its height holds the table's body meanwhile).

export const ChartsPanel = clientLazy(() => import("./charts-panel").then((m) => m.ChartsPanel), () => <ChartsSkeleton />);

export const InstanceDrawer = clientLazy(() => import("./instance-drawer").then((m) => m.InstanceDrawer));

export const EmptyState = clientLazy(
  () => import("./empty-state").then((m) => m.EmptyState),
  () => <div className="h-[8.5rem]" aria-busy="true" />,
);
