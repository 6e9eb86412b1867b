"use client";

import { clientLazy } from "@/components/ui/client-lazy";
import { ChartsSkeleton } from "./charts-skeleton";

// Parts of the MPS page that are not needed for its first paint, loaded after it: the charts row has nothing
// to show until /api/mps/stats answers (until then, and while its code loads, the same skeleton holds its
// place), and the drawer is only needed when a task is opened.

export const ChartsPanel = clientLazy(() => import("./charts-panel").then((m) => m.ChartsPanel), () => <ChartsSkeleton />);

export const TaskDrawer = clientLazy(() => import("./task-drawer").then((m) => m.default));
