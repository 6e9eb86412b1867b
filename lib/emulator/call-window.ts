// Counts calls in a sliding one-second window (monotonic time, never the injectable data clock, so a frozen
// test clock cannot freeze the limiter). Used both to enforce Tencent's per-second limits and to record the
// highest rate any client reached.

export class CallWindow {
  private readonly times: number[] = [];
  private head = 0;
  max = 0;

  /** Calls within the last second, counting from `nowMs`. */
  count(nowMs: number): number {
    while (this.head < this.times.length && (this.times[this.head] as number) <= nowMs - 1000) this.head++;
    if (this.head > 1024) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  record(nowMs: number): void {
    this.times.push(nowMs);
    this.max = Math.max(this.max, this.count(nowMs));
  }

  reset(): void {
    this.times.length = 0;
    this.head = 0;
    this.max = 0;
  }
}
