import { describe, expect, it } from "vitest";
import { listInstances, type ListRequest } from "./list-query";
import { WedataStore } from "./wedata-store";

// The history slides a day at a time: the count stays near its start value, memory stays bounded, and what is
// visible depends on the clock alone, not on when the store was asked.

const START = Date.UTC(2026, 0, 15, 4, 0, 0);
const DAY = 86_400_000;
const P = "1460947878944567296";
const page = (now: number): ListRequest => ({
  now,
  filter: { taskMask: null, state: null, instType: null, sched: null, start: null, lastUpdate: null },
  column: "sched",
  descending: false,
  offset: 0,
  limit: 50,
});

describe("ProjectStore history", () => {
  it("starts at exactly the target and keeps near it as days pass", () => {
    const store = new WedataStore(3, 0.1, START).projects.get(P)!;
    expect(listInstances(store, page(START)).total).toBe(17_602);
    const oldest = store.cols.sched[0] as number;
    const later = START + 3 * DAY + 3_600_000;
    store.advance(later);
    const total = listInstances(store, page(later)).total;
    expect(total).toBeGreaterThan(17_602 * 0.9);
    expect(total).toBeLessThan(17_602 * 1.1);
    expect(store.cols.sched[0] as number).toBeGreaterThanOrEqual(oldest + 3 * DAY);
  });

  it("answers the same whether it was asked every day or only at the end", () => {
    const stepped = new WedataStore(3, 0.1, START).projects.get(P)!;
    const jumped = new WedataStore(3, 0.1, START).projects.get(P)!;
    const end = START + 4 * DAY + 7_200_000;
    for (let t = START; t < end; t += DAY / 3) stepped.advance(t);
    stepped.advance(end);
    jumped.advance(end);
    const a = listInstances(stepped, page(end));
    const b = listInstances(jumped, page(end));
    expect(a.total).toBe(b.total);
    expect(a.rows.map((r) => stepped.cols.sched[r.index])).toEqual(b.rows.map((r) => jumped.cols.sched[r.index]));
    expect(a.rows.map((r) => r.view)).toEqual(b.rows.map((r) => r.view));
  });
});
