import { describe, expect, it } from "vitest";
import { appIdFor, compareNewestFirst, generateHour, HOUR_MS, type MpsStatus, type MpsTask, statusAt } from "./mps-task";
import { MpsStore, WINDOW_MS } from "./mps-store";

// The bucketed MPS query (O(1) counts for settled hours, early stop) against a brute-force oracle.

const START = Date.UTC(2026, 7, 8, 10, 20, 30);
const store = new MpsStore(17, 0.3);

/** Every task in the window, straight from the pure generator (independent of the store's query). */
function everyTask(now: number): MpsTask[] {
  const out: MpsTask[] = [];
  for (let h = Math.floor((now - WINDOW_MS) / HOUR_MS); h <= Math.floor(now / HOUR_MS); h++) {
    for (const t of generateHour(17, 0.3, appIdFor(17), h)) if (t.create > now - WINDOW_MS && t.create <= now) out.push(t);
  }
  return out;
}

describe("MpsStore.query agrees with a brute-force oracle", () => {
  it("counts and pages every status, failure filter and time range", () => {
    for (const now of [START, START + 37 * 60_000, START + 2 * 86_400_000]) {
      const all = everyTask(now);
      expect(new Set(all.map((t) => t.taskId)).size).toBe(all.length); // ids never collide
      const ranges: Array<[number, number]> = [
        [-Infinity, Infinity],
        [now - 3 * HOUR_MS + 12_345, now - HOUR_MS],
        [now - 8 * 86_400_000, now - 6 * 86_400_000],
      ];
      for (const status of ["WAITING", "PROCESSING", "FINISH"] as MpsStatus[]) {
        for (const failed of [undefined, true, false]) {
          for (const [from, to] of ranges) {
            const want = all
              .filter((t) => statusAt(t, now) === status && t.create >= from && t.create <= to)
              .filter((t) => failed === undefined || (t.failed && t.finish <= now) === failed)
              .sort(compareNewestFirst);
            const first = store.query({ now, status, subTaskHasFailed: failed, from, to, after: undefined, limit: 30 });
            expect(first.total).toBe(want.length);
            expect(first.tasks).toEqual(want.slice(0, 30));
            expect(first.next).toEqual(want[30]);
            if (want.length > 40) {
              const later = store.query({ now, status, subTaskHasFailed: failed, from, to, after: want[35], limit: 5 });
              expect(later.tasks).toEqual(want.slice(35, 40));
              expect(later.total).toBe(want.length);
            }
          }
        }
      }
    }
  });
});
