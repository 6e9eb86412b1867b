import { describe, expect, it } from "vitest";
import { parseEnvelope, stableStringify } from "./client";

describe("parseEnvelope", () => {
  it("returns the Response object's exact text: big ids, \\u escapes and spacing survive", () => {
    const inner = '{ "Data": {"Items": [{"TaskId": "20250714200130106", "ProjectId": "1460947878944567296", "TaskName": "\\u6570\\u636e同步", "Big": 12345678901234567891}]}, "RequestId": "r-1" }';
    const body = ` {"Response":${inner}}\n`;
    const parsed = parseEnvelope(body);
    expect(parsed?.raw).toBe(inner);
    expect(parsed?.response.RequestId).toBe("r-1");
  });

  it("falls back to re-serialising when the envelope has extra top-level keys", () => {
    const parsed = parseEnvelope('{"Extra":1,"Response":{"RequestId":"x"}}');
    expect(parsed?.raw).toBe('{"RequestId":"x"}');
  });

  it.each(["", "<html>502</html>", "{", "[]", '{"Response":[]}', '{"response":{}}', "null", '{"Response":"x"}'])("rejects %j", (body) => {
    expect(parseEnvelope(body)).toBeNull();
  });
});

describe("stableStringify", () => {
  it("is independent of key order and drops undefined", () => {
    expect(stableStringify({ b: 1, a: { d: [1, "x"], c: true }, z: undefined })).toBe(stableStringify({ a: { c: true, d: [1, "x"] }, b: 1 }));
    expect(stableStringify({ Limit: 10 })).not.toBe(stableStringify({ Limit: "10" }));
  });
});
