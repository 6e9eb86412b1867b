// Durations read the way an operator scans them: two units at most, largest first ("4 m 05 s", "2 h 13 m").

export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const totalSec = Math.floor(ms / 1000);
  if (totalSec < 60) return `${totalSec} s`;
  const totalMin = Math.floor(totalSec / 60);
  const sec = totalSec % 60;
  if (totalMin < 60) return `${totalMin} m ${String(sec).padStart(2, "0")} s`;
  const totalH = Math.floor(totalMin / 60);
  const min = totalMin % 60;
  if (totalH < 24) return `${totalH} h ${String(min).padStart(2, "0")} m`;
  const days = Math.floor(totalH / 24);
  return `${days} d ${totalH % 24} h`;
}

/** "12 s ago" / "3 m ago" for freshness labels; whole seconds under a minute so the text ticks visibly. */
export function formatAgo(ms: number): string {
  if (ms < 1000) return "just now";
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ago`;
  return `${Math.floor(m / 60)} h ago`;
}
