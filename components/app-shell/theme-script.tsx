// Runs before first paint so a dark-mode user never sees a white flash. `?theme=` wins (wall screens set
// it by URL), then the saved choice, then the system preference.
const script = `(() => {
  try {
    const url = new URL(location.href).searchParams.get("theme");
    const saved = localStorage.getItem("taskboard-theme");
    const pick = url === "dark" || url === "light" ? url : saved === "dark" || saved === "light" ? saved : (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    document.documentElement.classList.toggle("dark", pick === "dark");
  } catch {}
})();`;

/** `nonce`: the per-request CSP nonce (proxy.ts), without which the CSP would block this inline script. */
export function ThemeScript({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
