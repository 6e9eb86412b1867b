import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-shell/app-header";

// The browsing pages share the header; the wall screen (app/wall) deliberately has none.
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-full flex-col">
      <AppHeader />
      <main className="mx-auto flex w-full max-w-[1800px] flex-1 flex-col px-4 py-4">{children}</main>
    </div>
  );
}
