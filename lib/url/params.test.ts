import { describe, expect, it } from "vitest";
import { APP_WIDE_PARAMS, clipForNotice, toUrlSearchParams, unknownParamNames } from "./params";

describe("unknownParamNames", () => {
  it("names each parameter outside the known list once, in URL order", () => {
    const search = new URLSearchParams("b=1&status=x&a=2&b=3&range=6h");
    expect(unknownParamNames(search, ["status", "range"])).toEqual(["b", "a"]);
  });

  it("treats Object.prototype names as plain unknown names", () => {
    const search = new URLSearchParams("__proto__=1&constructor=2&toString=3&known=4");
    expect(unknownParamNames(search, ["known"])).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("never names the app-wide parameters (theme)", () => {
    expect(APP_WIDE_PARAMS).toContain("theme");
    expect(unknownParamNames(new URLSearchParams("theme=dark&x=1"), [])).toEqual(["x"]);
  });

  it("is empty when every name is known, and for an empty URL", () => {
    expect(unknownParamNames(new URLSearchParams("a=1&a=2"), ["a"])).toEqual([]);
    expect(unknownParamNames(new URLSearchParams(""), ["a"])).toEqual([]);
  });
});

describe("toUrlSearchParams", () => {
  it("keeps repeated values and skips undefined ones", () => {
    expect(toUrlSearchParams({ a: "1", b: ["2", "3"], c: undefined }).toString()).toBe("a=1&b=2&b=3");
  });
});

describe("clipForNotice", () => {
  it("shortens long text with an ellipsis and leaves short text alone", () => {
    expect(clipForNotice("short")).toBe("short");
    expect(clipForNotice("x".repeat(100))).toBe(`${"x".repeat(39)}…`);
  });
});
