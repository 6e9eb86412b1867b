// A small single-flight cache for whole wall sources: N wall screens with the same settings share one
// gathering per TTL, and its `fetchedAt` stays the true time the upstream was asked (a cache below that
// would make "updated N s ago" lie). Failures are cached too, so a failing upstream isn't hammered by
// every screen. Bounded, so a wall left for days (or many differently configured walls) can't grow it.

type Entry<T> = { at: number; value: Promise<T> };

export class ResultCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries = 64) {}

  get(key: string, ttlMs: number, now: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
