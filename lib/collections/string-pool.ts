// One copy of each repeated string. JSON.parse makes a new string for every value, so 176,000 WeData
// instances hold 176,000 copies of their project ID, and one per instance of each task's name, folder,
// workflow, resource group and owner: about 40% of the loaded listing's heap.

export class StringPool {
  private pool = new Map<string, string>();

  /** `max`: distinct strings remembered; past it the pool starts over (strings already shared stay shared). */
  constructor(private readonly max = 100_000) {}

  share(value: string): string {
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    if (this.pool.size >= this.max) this.pool = new Map();
    this.pool.set(value, value);
    return value;
  }

  get size(): number {
    return this.pool.size;
  }
}
