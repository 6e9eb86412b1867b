import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign } from "../tencent/sign";
import { startEmulator, type EmulatorHandle } from "./index";
import { codeOf, rawCall, sdkCall, sdkClient } from "./test-support";

// Authentication, checked with the official SDK as an independent signer and with raw requests for the
// variants the SDK never sends.

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true, seed: 7, scale: 0.05 });
});
afterAll(() => emu.close());

describe("TC3-HMAC-SHA256 with the official SDK", () => {
  it("accepts the SDK's signature (content-type;host, host signed without the port) for both services", async () => {
    const mps = await sdkCall(sdkClient(emu, "mps"), "DescribeTasks", { Status: "FINISH", Limit: 1 });
    expect(mps.code).toBeUndefined();
    expect(mps.data?.TaskSet).toHaveLength(1);
    const wedata = await sdkCall(sdkClient(emu, "wedata"), "ListTaskInstances", { ProjectId: "1460947878944567296", PageSize: 1 });
    expect(wedata.code).toBeUndefined();
    expect((wedata.data?.Data as { Items: unknown[] }).Items).toHaveLength(1);
  });

  it("refuses a wrong SecretKey with AuthFailure.SignatureFailure", async () => {
    const r = await sdkCall(sdkClient(emu, "mps", { secretKey: `${emu.secretKey}x` }), "DescribeTasks", { Status: "FINISH" });
    expect(r.code).toBe("AuthFailure.SignatureFailure");
  });

  it("refuses an unknown SecretId with AuthFailure.SecretIdNotFound", async () => {
    const r = await sdkCall(sdkClient(emu, "wedata", { secretId: "AKIDunknown000000000000000000000000" }), "ListTaskInstances", { ProjectId: "1" });
    expect(r.code).toBe("AuthFailure.SecretIdNotFound");
  });

  it("refuses the SDK's timestamp once it is more than 5 minutes old with AuthFailure.SignatureExpire", async () => {
    // The SDK always signs with the real time, so move the server's clock instead.
    const ahead = await startEmulator({ quiet: true, seed: 7, scale: 0.02, now: () => Date.now() + 6 * 60_000 });
    try {
      const old = await sdkCall(sdkClient(ahead, "mps"), "DescribeTasks", { Status: "FINISH" });
      expect(old.code).toBe("AuthFailure.SignatureExpire");
    } finally {
      await ahead.close();
    }
    const within = await startEmulator({ quiet: true, seed: 7, scale: 0.02, now: () => Date.now() + 4 * 60_000 });
    try {
      expect((await sdkCall(sdkClient(within, "mps"), "DescribeTasks", { Status: "FINISH" })).code).toBeUndefined();
    } finally {
      await within.close();
    }
  });

  it("counts refused calls as auth failures, not as API calls", async () => {
    const before = emu.stats();
    await sdkCall(sdkClient(emu, "mps", { secretKey: "wrong" }), "DescribeTasks", { Status: "FINISH" });
    const after = emu.stats();
    expect(after.authFailures).toBe(before.authFailures + 1);
    expect(after.calls.mps.total).toBe(before.calls.mps.total);
  });
});

describe("TC3-HMAC-SHA256 edge cases with raw requests", () => {
  it("accepts the x-tc-action variant (content-type;host;x-tc-action)", async () => {
    const r = await rawCall(emu, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH", Limit: 2 }, signAction: true });
    expect(codeOf(r)).toBeUndefined();
    expect(r.json.Response.TaskSet).toHaveLength(2);
  });

  it("accepts the host signed with its port as well as without", async () => {
    const withPort = await rawCall(emu, { service: "wedata", action: "ListTaskInstances", params: { ProjectId: "1460947878944567296" } });
    const withoutPort = await rawCall(emu, {
      service: "wedata",
      action: "ListTaskInstances",
      params: { ProjectId: "1460947878944567296" },
      signedHost: "wedata.tencentcloudapi.com",
    });
    expect(codeOf(withPort)).toBeUndefined();
    expect(codeOf(withoutPort)).toBeUndefined();
  });

  it("refuses a host that differs from the one signed", async () => {
    const r = await rawCall(emu, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH" }, signedHost: "cvm.tencentcloudapi.com" });
    expect(codeOf(r)).toBe("AuthFailure.SignatureFailure");
  });

  it("answers AuthFailure.SignatureExpire beyond ±5 minutes and accepts within", async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = await rawCall(emu, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH" }, timestamp: now - 301 });
    const future = await rawCall(emu, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH" }, timestamp: now + 400 });
    const recent = await rawCall(emu, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH" }, timestamp: now - 240 });
    expect(codeOf(old)).toBe("AuthFailure.SignatureExpire");
    expect(codeOf(future)).toBe("AuthFailure.SignatureExpire");
    expect(codeOf(recent)).toBeUndefined();
  });

  it("answers AuthFailure.InvalidAuthorization for a malformed or missing header", async () => {
    const garbage = await rawCall(emu, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH" }, authorization: "Bearer abc" });
    expect(codeOf(garbage)).toBe("AuthFailure.InvalidAuthorization");
    expect(garbage.status).toBe(200);
  });

  it("routes by the credential scope's service and refuses an unknown one", async () => {
    // Signed for wedata but sent with the mps host name: the scope decides, so WeData answers.
    const routed = await rawCall(emu, { service: "wedata", action: "ListTaskInstances", params: { ProjectId: "1460947878944567296" }, host: `mps.tencentcloudapi.com:${emu.port}` });
    expect(codeOf(routed)).toBeUndefined();
    expect(routed.json.Response.Data).toBeDefined();
    const unknown = await rawCall(emu, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH" }, scopeService: "cvm" });
    expect(codeOf(unknown)).toBe("AuthFailure.InvalidAuthorization");
  });

  it("verifies the body: a body changed after signing fails", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const host = `mps.tencentcloudapi.com:${emu.port}`;
    const auth = sign({ secretId: emu.secretId, secretKey: emu.secretKey, service: "mps", host, timestamp: ts, contentType: "application/json", body: '{"Status":"FINISH"}' });
    const tampered = await rawCall(emu, { service: "mps", action: "DescribeTasks", rawBody: '{"Status":"WAITING"}', timestamp: ts, authorization: auth.authorization });
    expect(codeOf(tampered)).toBe("AuthFailure.SignatureFailure");
    const intact = await rawCall(emu, { service: "mps", action: "DescribeTasks", rawBody: '{"Status":"FINISH"}', timestamp: ts, authorization: auth.authorization });
    expect(codeOf(intact)).toBeUndefined();
  });

  it("accepts a signed GET with a query string", async () => {
    const r = await rawCall(emu, { service: "mps", action: "DescribeTasks", method: "GET", params: { Status: "FINISH", Limit: 3 } });
    expect(codeOf(r)).toBeUndefined();
    expect(r.json.Response.TaskSet).toHaveLength(3);
  });
});
