"use client";

import { Columns3 } from "lucide-react";
import type { ComponentProps } from "react";
import type { ColumnMenu as ColumnMenuComponent } from "@/components/data-table/column-menu";
import { clientLazy } from "./client-lazy";

// The data table's column menu, loaded after a page's first paint (its panel, with the show/hide and
// reorder logic, is only needed once someone opens it). Until its code has arrived a disabled twin of its
// button holds the place, so the toolbar does not move and a click cannot be lost on a button that does
// nothing.
export const ColumnMenu = clientLazy<ComponentProps<typeof ColumnMenuComponent>>(
  () => import("@/components/data-table/column-menu").then((m) => m.ColumnMenu),
  () => (
    <button
      type="button"
      disabled
      aria-haspopup="true"
      className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
    >
      <Columns3 aria-hidden className="size-4" /> Columns
    </button>
  ),
);
