import { describe, expect, it } from "vitest";
import { findInvalidParams, unknownMpsParams } from "./search-params";

const find = (q: string) => findInvalidParams(new URLSearchParams(q));

describe("MPS findInvalidParams", () => {
  it("accepts a URL of valid parameters, and the app-wide theme", () => {
    expect(find("status=finished&failed=yes&range=6h&tz=Asia%2FShanghai&cols=taskId,status&refresh=1m&task=24022-WorkflowTask-99f82fb306909&theme=dark")).toEqual([]);
    expect(find("")).toEqual([]);
  });

  it("names known parameters whose value can't be read", () => {
    expect(find("status=bogus&range=6h&tz=Mars%2FOlympus&refresh=sometimes")).toEqual(["status", "tz", "refresh"]);
    expect(find("cols=taskId,nope")).toEqual(["cols"]);
  });

  it("names unknown parameters too, each once, after the bad values", () => {
    expect(find("bogus=1&range=6h")).toEqual(["bogus"]);
    expect(find("bogus=1&status=nope&statuss=x&bogus=2")).toEqual(["status", "bogus", "statuss"]);
    expect(find("__proto__=1&constructor=x")).toEqual(["__proto__", "constructor"]);
  });

  it("unknownMpsParams lists only the names the screen does not know", () => {
    expect(unknownMpsParams(new URLSearchParams("status=nope&bogus=1&range=6h"))).toEqual(["bogus"]);
  });
});
