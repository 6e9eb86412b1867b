import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkBasicAuth, hashPassword, parseBasicHeader, parseBasicUsers } from "./basic-auth";
import { safeEqual } from "./constant-time";

const header = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;

describe("basic auth", () => {
  const sha = createHash("sha256").update("s3cret pass").digest("hex");
  const scrypt = hashPassword("wall:colon,pw");
  const { users, problems } = parseBasicUsers(`alice:${scrypt}, bob:sha256:${sha}, carol:plain-pw, :nope, dave:sha256:zz`);

  it("parses the three secret kinds and reports bad entries without keeping them", () => {
    expect(users.map((u) => [u.name, u.kind])).toEqual([["alice", "scrypt"], ["bob", "sha256"], ["carol", "plain"]]);
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).not.toContain("zz");
  });

  it("accepts the right password for each kind and nothing else", () => {
    expect(checkBasicAuth(users, header("alice", "wall:colon,pw"), "t1")).toBe("alice");
    expect(checkBasicAuth(users, header("bob", "s3cret pass"), "t1")).toBe("bob");
    expect(checkBasicAuth(users, header("carol", "plain-pw"), "t1")).toBe("carol");
    expect(checkBasicAuth(users, header("alice", "wrong"), "t1")).toBeNull();
    expect(checkBasicAuth(users, header("bob", "plain-pw"), "t1")).toBeNull();
    expect(checkBasicAuth(users, header("mallory", "plain-pw"), "t1")).toBeNull();
    expect(checkBasicAuth(users, header("Carol", "plain-pw"), "t1")).toBeNull();
    expect(checkBasicAuth(users, "Bearer abc", "t1")).toBeNull();
    expect(checkBasicAuth(users, null, "t1")).toBeNull();
    expect(checkBasicAuth([], header("carol", "plain-pw"), "t1")).toBeNull();
  });

  it("forgets a cached verification when the user list changes", () => {
    const h = header("carol", "plain-pw");
    expect(checkBasicAuth(users, h, "list-a")).toBe("carol");
    const without = parseBasicUsers("dave:other-password").users;
    expect(checkBasicAuth(without, h, "list-b")).toBeNull();
  });

  it("splits Basic headers at the first colon and rejects junk", () => {
    expect(parseBasicHeader(header("u", "p:q"))).toEqual({ name: "u", password: "p:q" });
    expect(parseBasicHeader("Basic !!!")).toBeNull();
    expect(parseBasicHeader(`Basic ${Buffer.from("nocolon").toString("base64")}`)).toBeNull();
  });

  it("compares strings of any length in constant-time form", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("", "")).toBe(true);
  });
});
