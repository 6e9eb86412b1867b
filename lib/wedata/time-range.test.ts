import { describe, expect, it } from "vitest";
import { parseTimeRange, pinTimeRange, resolveTimeRange, serializeTimeRange } from "./time-range";

describe("time ranges", () => {
  const now = new Date("2026-11-23T12:00:00.000Z");

  it("keeps relative windows relative", () => {
    const r = parseTimeRange("1h")!;
    expect(serializeTimeRange(r)).toBe("1h");
    expect(resolveTimeRange(r, now).from?.toISOString()).toBe("2026-11-23T11:00:00.000Z");
  });

  it("pins a relative window to instants", () => {
    expect(serializeTimeRange(pinTimeRange(parseTimeRange("24h")!, now))).toBe(
      "2026-11-22T12:00:00.000Z~2026-11-23T12:00:00.000Z",
    );
  });

  it("parses absolute and open-ended windows", () => {
    const r = parseTimeRange("2026-11-23T02:00:00.000Z~")!;
    expect(r).toEqual({ kind: "absolute", from: new Date("2026-11-23T02:00:00.000Z"), to: null });
    expect(serializeTimeRange(r)).toBe("2026-11-23T02:00:00.000Z~");
  });

  it.each(["", "2h", "~", "garbage~2026-11-23T02:00:00Z", "2026-11-24T00:00:00Z~2026-11-23T00:00:00Z", "a~b~c"])(
    "rejects %j",
    (text) => {
      expect(parseTimeRange(text)).toBeNull();
    },
  );
});
