import { describe, expect, it } from "vitest";
import { accessWarning, listenHost } from "./startup-warning";

const live = { TENCENTCLOUD_SECRET_ID: "AKIDx", TENCENTCLOUD_SECRET_KEY: "k" };

describe("startup warning", () => {
  it("finds the listening host from next start's arguments, then HOST, else all interfaces", () => {
    expect(listenHost(["node", "next", "start", "-H", "127.0.0.1"], {})).toBe("127.0.0.1");
    expect(listenHost(["node", "next", "start", "--hostname=::1"], {})).toBe("::1");
    expect(listenHost(["node", "next", "start"], { HOST: "10.0.0.5" })).toBe("10.0.0.5");
    expect(listenHost(["node", "next", "start"], {})).toBe("0.0.0.0");
  });

  it("warns only for live credentials + no access control + beyond loopback", () => {
    expect(accessWarning({ ...live, HOST: "0.0.0.0" }, [])).toContain("SECURITY WARNING");
    expect(accessWarning({ ...live }, ["next", "start"])).toContain("0.0.0.0");
    expect(accessWarning({ ...live, HOST: "127.0.0.1" }, [])).toBeNull();
    expect(accessWarning({ ...live, HOST: "localhost" }, [])).toBeNull();
    expect(accessWarning({ HOST: "0.0.0.0" }, [])).toBeNull();
    expect(accessWarning({ ...live, HOST: "0.0.0.0", TASKBOARD_BASIC_AUTH: "a:b" }, [])).toBeNull();
    expect(accessWarning({ ...live, HOST: "0.0.0.0", TASKBOARD_WALL_TOKENS: "w:0123456789abcdef0" }, [])).toBeNull();
  });
});
