import { Suspense } from "react";
import { WallScreen } from "@/components/wall/wall-screen";

export const metadata = { title: "Wall screen" };

// Everything is configured by the URL (see lib/wall/config.ts), read on the client.
export default function WallPage() {
  return (
    <Suspense fallback={<div className="wall-root h-screen w-screen bg-zinc-950" />}>
      <WallScreen />
    </Suspense>
  );
}
