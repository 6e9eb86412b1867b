import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./wall.css";

// The wall is dark unless its URL says `theme=light`: a saved browser preference must not change an ops-room
// TV. Runs before first paint, after the root theme script, so there is no flash. The nonce lets it pass
// the CSP (proxy.ts).
const wallTheme = `(() => {
  try {
    const light = new URL(location.href).searchParams.get("theme") === "light";
    document.documentElement.classList.toggle("dark", !light);
  } catch {}
})();`;

export default async function WallLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: wallTheme }} />
      {children}
    </>
  );
}
