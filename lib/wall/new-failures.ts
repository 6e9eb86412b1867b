// Highlights failures that appeared since the previous refresh, for a while. State stays bounded: it only
// remembers ids currently on screen, so a wall running for days never accumulates history.

export type FailureTracker = {
  /** Ids seen in the previous refresh; null before the first one (nothing is "new" on first load). */
  known: ReadonlySet<string> | null;
  /** id → epoch ms until which it stays highlighted. */
  highlightUntil: ReadonlyMap<string, number>;
};

export const emptyTracker: FailureTracker = { known: null, highlightUntil: new Map() };

export function trackFailures(prev: FailureTracker, ids: readonly string[], now: number, holdMs: number): FailureTracker {
  const current = new Set(ids);
  const highlightUntil = new Map<string, number>();
  for (const [id, until] of prev.highlightUntil) {
    if (current.has(id) && until > now) highlightUntil.set(id, until);
  }
  if (prev.known) {
    for (const id of current) if (!prev.known.has(id)) highlightUntil.set(id, now + holdMs);
  }
  return { known: current, highlightUntil };
}

export function isHighlighted(tracker: FailureTracker, id: string, now: number): boolean {
  const until = tracker.highlightUntil.get(id);
  return until !== undefined && until > now;
}
