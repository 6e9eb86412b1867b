import { describe, expect, it } from "vitest";
import { findInvalidParams, unknownWedataParams } from "./search-params";

const find = (q: string) => findInvalidParams(new URLSearchParams(q));

describe("WeData findInvalidParams", () => {
  it("accepts a URL of valid parameters, and the app-wide theme", () => {
    expect(find("project=1460947878944567296&state=RUNNING,EXPIRED&sort=SCHEDULE_DATE&dir=ASC&tz=UTC&refresh=30s&q=etl&theme=dark")).toEqual([]);
    expect(find("")).toEqual([]);
  });

  it("names known parameters whose value can't be read, with their labels", () => {
    expect(find("state=RUNNING,BOGUS&tz=Mars/Olympus&refresh=2s").map((b) => [b.key, b.label, b.value])).toEqual([
      ["state", "state", "RUNNING,BOGUS"],
      ["tz", "time zone", "Mars/Olympus"],
      ["refresh", "refresh interval", "2s"],
    ]);
  });

  it("names unknown parameters too, each once, after the bad values", () => {
    expect(find("statuss=x&sort=NAME&bogus=1&bogus=2")).toEqual([
      { key: "sort", label: "sort column", value: "NAME" },
      { key: "statuss", label: "unknown parameter statuss", value: "x" },
      { key: "bogus", label: "unknown parameter bogus", value: "1" },
    ]);
  });

  it("clips a very long unknown name in its label but keeps the key whole (it is what gets removed)", () => {
    const long = "x".repeat(300);
    const [bad] = find(`${long}=1`);
    expect(bad?.key).toBe(long);
    expect(bad?.label.length).toBeLessThan(60);
  });

  it("unknownWedataParams lists only the names the screen does not know", () => {
    expect(unknownWedataParams(new URLSearchParams("state=NOPE&statuss=x&project=1"))).toEqual(["statuss"]);
  });
});
