// How long to wait before the next automatic refresh: the chosen interval, doubled per consecutive failure and
// doubled again while the upstream is slow, capped, so a struggling upstream is not hammered by every viewer.

export const MAX_BACKOFF_MS = 5 * 60_000;
/** A refresh slower than this counts as "the upstream is slow". */
export const SLOW_MS = 3_000;

export function nextDelayMs(baseMs: number, failures: number, slow: boolean): number {
  if (baseMs <= 0) return 0;
  const factor = 2 ** Math.min(failures, 5) * (slow ? 2 : 1);
  return Math.max(baseMs, Math.min(MAX_BACKOFF_MS, baseMs * factor));
}
