import { describe, expect, it } from "vitest";
import { RowCache } from "./row-cache";

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }));

describe("RowCache", () => {
  it("gives an item the same row while it stays recent, building it once", () => {
    let built = 0;
    const cache = new RowCache((item: { id: number }, index: number) => ({ item, index, serial: built++ }), 50);
    const list = items(40);
    const first = list.map((item, i) => cache.get(item, i));
    const again = list.map((item, i) => cache.get(item, i));
    expect(again).toEqual(first);
    again.forEach((row, i) => expect(row).toBe(first[i]));
    expect(built).toBe(40);
  });

  it("keeps a bounded number of rows however many items pass through view", () => {
    // Regression: rows were kept per item in a WeakMap, so holding the end of a long listing kept one built
    // row for every item loaded (about 1 GB of heap at 141,000 WeData rows).
    const cache = new RowCache((item: { id: number }) => ({ item }), 100);
    items(20_000).forEach((item, i) => cache.get(item, i));
    expect(cache.size).toBeLessThanOrEqual(200);
    expect(cache.size).toBeGreaterThanOrEqual(100);
  });

  it("keeps the rows in use when older ones are dropped", () => {
    let built = 0;
    const cache = new RowCache((item: { id: number }) => ({ item, serial: built++ }), 10);
    const inView = items(5);
    const rows = inView.map((item, i) => cache.get(item, i));
    // Scrolling past many others while the rows in view are read on every render.
    items(1000).forEach((item, i) => {
      cache.get(item, i);
      inView.forEach((v, j) => expect(cache.get(v, j)).toBe(rows[j]));
    });
    expect(built).toBe(5 + 1000);
  });
});
