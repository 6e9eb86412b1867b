import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, publicConfig } from "./config";

describe("parseConfig", () => {
  it("defaults: demo mode, Tencent endpoints, ap-guangzhou, 10 s deadline, 2 s cache, port 3000", () => {
    const c = parseConfig({});
    expect(c.mode).toBe("demo");
    expect(c.credentials).toBeNull();
    expect(c.targets.mps).toEqual({ service: "mps", endpoint: "https://mps.tencentcloudapi.com", region: "ap-guangzhou", ratePerSecond: 100 });
    expect(c.targets.wedata).toEqual({ service: "wedata", endpoint: "https://wedata.tencentcloudapi.com", region: "ap-guangzhou", ratePerSecond: 20 });
    expect([c.deadlineMs, c.cacheTtlMs, c.port, c.maxRetries, c.wedataProjectIds]).toEqual([10_000, 2_000, 3000, 4, []]);
  });

  it("live with both credentials; endpoints may be plain http with a port", () => {
    const c = parseConfig({
      TENCENTCLOUD_SECRET_ID: "AKIDabc",
      TENCENTCLOUD_SECRET_KEY: "key",
      TENCENTCLOUD_SESSION_TOKEN: "tok",
      MPS_ENDPOINT: "http://127.0.0.1:4510",
      WEDATA_ENDPOINT: "http://127.0.0.1:4511/",
      WEDATA_REGION: "ap-shanghai",
      WEDATA_PROJECT_IDS: " 1460947878944567296, 1460947878944567297 ,",
      UPSTREAM_CACHE_TTL_MS: "1000",
      WEDATA_RATE_LIMIT: "5",
    });
    expect(c.mode).toBe("live");
    expect(c.credentials).toEqual({ secretId: "AKIDabc", secretKey: "key", sessionToken: "tok" });
    expect(c.targets.mps.endpoint).toBe("http://127.0.0.1:4510");
    expect(c.targets.wedata).toMatchObject({ endpoint: "http://127.0.0.1:4511", region: "ap-shanghai", ratePerSecond: 5 });
    expect(c.wedataProjectIds).toEqual(["1460947878944567296", "1460947878944567297"]);
    expect(c.cacheTtlMs).toBe(1000);
  });

  it.each([
    [{ TENCENTCLOUD_SECRET_ID: "AKIDabc" }, "TENCENTCLOUD_SECRET_KEY"],
    [{ TENCENTCLOUD_SECRET_KEY: "k" }, "TENCENTCLOUD_SECRET_ID"],
    [{ TENCENTCLOUD_SESSION_TOKEN: "t" }, "TENCENTCLOUD_SESSION_TOKEN"],
    [{ MPS_ENDPOINT: "mps.tencentcloudapi.com" }, "MPS_ENDPOINT"],
    [{ WEDATA_ENDPOINT: "ftp://x" }, "WEDATA_ENDPOINT"],
    [{ WEDATA_ENDPOINT: "https://wedata.tencentcloudapi.com/v3" }, "WEDATA_ENDPOINT"],
    [{ MPS_REGION: "Guangzhou" }, "MPS_REGION"],
    [{ WEDATA_REGION: "ap guangzhou" }, "WEDATA_REGION"],
    [{ WEDATA_PROJECT_IDS: "123,abc" }, "WEDATA_PROJECT_IDS"],
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "3e3" }, "PORT"],
    [{ UPSTREAM_DEADLINE_MS: "fast" }, "UPSTREAM_DEADLINE_MS"],
    [{ UPSTREAM_CACHE_TTL_MS: "-1" }, "UPSTREAM_CACHE_TTL_MS"],
    [{ UPSTREAM_MAX_QUEUE: "0" }, "UPSTREAM_MAX_QUEUE"],
    [{ UPSTREAM_MAX_RETRIES: "11" }, "UPSTREAM_MAX_RETRIES"],
    [{ MPS_RATE_LIMIT: "101" }, "MPS_RATE_LIMIT"],
    [{ WEDATA_RATE_LIMIT: "21" }, "WEDATA_RATE_LIMIT"],
  ])("%j is refused with a message naming %s", (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });

  it("names every bad variable at once", () => {
    expect(() => parseConfig({ PORT: "x", MPS_REGION: "?" })).toThrow(/PORT[\s\S]*MPS_REGION|MPS_REGION[\s\S]*PORT/);
  });

  it("publicConfig carries no secret and offers the emulator's projects in demo mode", () => {
    const live = parseConfig({ TENCENTCLOUD_SECRET_ID: "AKIDsecretid", TENCENTCLOUD_SECRET_KEY: "supersecretkey", TENCENTCLOUD_SESSION_TOKEN: "tokentoken" });
    const text = JSON.stringify(publicConfig(live));
    for (const s of ["AKIDsecretid", "supersecretkey", "tokentoken"]) expect(text).not.toContain(s);
    expect(publicConfig(live)).toEqual({ mode: "live", regions: { mps: "ap-guangzhou", wedata: "ap-guangzhou" }, wedataProjectIds: [] });
    expect(publicConfig(parseConfig({})).wedataProjectIds).toEqual(["1460947878944567296", "1460947878944567297"]);
  });
});
