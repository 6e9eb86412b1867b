import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPage, initialMergeState, mergeFinished, newerFirst, streamsToFetch, takeMerged, type MergeRow } from "./merge-streams";

// Simulates paged upstream streams (newest-first, fixed page size) and drains them through the merge exactly as
// the page does: fetch the streams that ran dry, then emit what can safely be emitted.
function drain(streams: MergeRow[][], pageSize: number, emitMax = Number.POSITIVE_INFINITY): MergeRow[] {
  let state = initialMergeState<MergeRow>(streams.length);
  const offsets = streams.map(() => 0);
  const out: MergeRow[] = [];
  const seen = new Set<string>();
  for (let guard = 0; guard < 10_000 && !mergeFinished(state); guard++) {
    for (const i of streamsToFetch(state)) {
      const rows = streams[i]!.slice(offsets[i], offsets[i]! + pageSize);
      offsets[i]! += rows.length;
      const more = offsets[i]! < streams[i]!.length;
      state = applyPage(state, i, rows, more ? `tok-${i}-${offsets[i]}` : "");
    }
    const taken = takeMerged(state, emitMax, seen);
    state = taken.state;
    out.push(...taken.rows.map(({ TaskId, CreateTime }) => ({ TaskId, CreateTime })));
  }
  return out;
}

const t = (id: string, minute: number): MergeRow => ({ TaskId: id, CreateTime: new Date(Date.UTC(2026, 10, 23, 0, minute)).toISOString().replace(".000", "") });

describe("merge of three status streams", () => {
  it("orders newest-first across streams with small pages", () => {
    const waiting = [t("w3", 50), t("w2", 20), t("w1", 5)];
    const processing = [t("p2", 40), t("p1", 10)];
    const finished = [t("f4", 45), t("f3", 30), t("f2", 15), t("f1", 1)];
    const ids = drain([waiting, processing, finished], 1).map((r) => r.TaskId);
    expect(ids).toEqual(["w3", "f4", "p2", "f3", "w2", "f2", "p1", "w1", "f1"]);
  });

  it("never emits a row before a live stream that might hold a newer one was read", () => {
    let state = initialMergeState<MergeRow>(2);
    state = applyPage(state, 0, [t("a", 10)], "more");
    expect(takeMerged(state, 10).rows).toEqual([]); // stream 1 not fetched yet
    state = applyPage(state, 1, [t("b", 20)], "");
    const first = takeMerged(state, 10);
    // "b" is newest; then stream 1 is exhausted, so "a" is safe; then stream 0 must be read again.
    expect(first.rows.map((r) => r.TaskId)).toEqual(["b", "a"]);
    expect(streamsToFetch(first.state)).toEqual([0]);
  });

  it("drops a task seen twice (it moved status between two fetches)", () => {
    const ids = drain([[t("x", 30), t("y", 20)], [t("x", 30)]], 5).map((r) => r.TaskId);
    expect(ids).toEqual(["x", "y"]);
  });

  it("property: output is the sorted union, no row repeated or lost, for any page size", () => {
    const row = fc.record({ id: fc.uuid(), minute: fc.integer({ min: 0, max: 10_000 }) });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 40 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 7 }), (raw, pageSize) => {
        const used = new Set<string>();
        const streams = raw.map((s, i) =>
          s
            .filter((r) => !used.has(r.id) && used.add(r.id))
            .map((r) => t(`${i}-${r.id}`, r.minute))
            .sort(newerFirst),
        );
        const out = drain(streams, pageSize);
        const expected = streams.flat().sort(newerFirst);
        expect(out).toEqual(expected);
      }),
    );
  });
});
