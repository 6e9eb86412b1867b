import { describe, expect, it } from "vitest";
import { PageFlattener } from "./flatten-pages";
import { rowListToArray, type RowList } from "./row-list";

type Page = { rows: { id: string }[] };
const page = (...ids: string[]): Page => ({ rows: ids.map((id) => ({ id })) });
const ids = (rows: RowList<{ id: string }>) => rowListToArray(rows).map((r) => r.id);
const make = () => {
  let calls = 0;
  const f = new PageFlattener<Page, { id: string }>(
    (p) => p.rows,
    (r) => {
      calls++;
      return r.id;
    },
  );
  return { f, calls: () => calls };
};

describe("PageFlattener", () => {
  it("flattens in order and keeps the first of a repeated row", () => {
    const { f } = make();
    expect(ids(f.flatten([page("a", "b"), page("b", "c"), page("a", "d")]))).toEqual(["a", "b", "c", "d"]);
    expect(f.flatten([]).length).toBe(0);
  });

  it("extends the previous result by the new page only, leaving the previous list untouched", () => {
    const { f, calls } = make();
    const p1 = page("a", "b");
    const p2 = page("c", "a");
    const first = f.flatten([p1]);
    expect(calls()).toBe(2);
    const second = f.flatten([p1, p2]);
    expect(calls()).toBe(4); // only p2's rows were looked at
    expect(ids(second)).toEqual(["a", "b", "c"]);
    expect(ids(first)).toEqual(["a", "b"]);
    expect(f.flatten([p1, p2])).toBe(second); // same pages, same list
    expect(calls()).toBe(4);
  });

  it("falls back to a full pass when the list branches or changes in the middle", () => {
    const { f } = make();
    const p1 = page("a");
    f.flatten([p1]);
    expect(ids(f.flatten([p1, page("b")]))).toEqual(["a", "b"]);
    // Another continuation of [p1]: must not see "b" as already seen by the first branch.
    expect(ids(f.flatten([p1, page("b", "c")]))).toEqual(["a", "b", "c"]);
    // A refetched first page (new object) with the old second page.
    const p2 = page("x");
    f.flatten([p1, p2]);
    expect(ids(f.flatten([page("z"), p2]))).toEqual(["z", "x"]);
  });

  it("remembers only the latest result (regression: keeping one per page kept a row array per page, 800 MB at 100k rows)", () => {
    const { f, calls } = make();
    const p1 = page("a");
    const p2 = page("b");
    f.flatten([p1]);
    f.flatten([p1, p2]);
    const before = calls();
    // The one-page list is no longer remembered: it is flattened again rather than served from a kept copy.
    expect(ids(f.flatten([p1]))).toEqual(["a"]);
    expect(calls()).toBe(before + 1);
  });

  it("stays linear: 1,000 appended pages of 100 rows look at each row once", () => {
    const { f, calls } = make();
    const pages: Page[] = [];
    for (let i = 0; i < 1000; i++) {
      pages.push({ rows: Array.from({ length: 100 }, (_, j) => ({ id: `${i}-${j}` })) });
      f.flatten(pages.slice());
    }
    expect(calls()).toBe(100_000);
    expect(f.flatten(pages.slice()).length).toBe(100_000);
  });
});

describe("PageFlattener results", () => {
  // Results share one growing row array (a copy per page of 176,000 row pointers doubled the heap's peak while
  // a listing loaded; the bench's scenario 4 measures that): an earlier result must still read as it was.
  it("read as they were when later pages extend the list", () => {
    const { f } = make();
    const p1 = page("a", "b");
    const p2 = page("c");
    const first = f.flatten([p1]);
    const second = f.flatten([p1, p2]);
    expect(second.at(0)).toBe(first.at(0));
    expect(first.length).toBe(2);
    expect(first.at(2)).toBeUndefined(); // the later page does not show through the earlier result
    expect(second.at(2)).toEqual({ id: "c" });
    expect(second.at(-1)).toBeUndefined();
  });
});
