import { request as httpRequest, Agent } from "node:http";
import type { LookupFunction } from "node:net";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { sign } from "../tencent/sign";
import type { EmulatorHandle } from "./types";

// Helpers for the emulator's own tests: the official SDK pointed at the emulator (TENCENT_API.md §2), and raw
// signed requests for the variants and edge cases the SDK never sends.

// The SDK honours http_proxy even for loopback; tests must talk to the emulator directly.
for (const name of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[name];

export const VERSIONS = { mps: "2019-06-12", wedata: "2025-08-06" } as const;
export const PROJECT = "1460947878944567296";

const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if (typeof options === "object" && options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
};

/** The official SDK client for `service`, reaching the emulator through a lookup that answers 127.0.0.1. */
export function sdkClient(emu: EmulatorHandle, service: "mps" | "wedata", creds?: { secretId?: string; secretKey?: string }): CommonClient {
  const endpoint = `${service}.tencentcloudapi.com:${emu.port}`;
  return new CommonClient(endpoint, VERSIONS[service], {
    credential: { secretId: creds?.secretId ?? emu.secretId, secretKey: creds?.secretKey ?? emu.secretKey },
    region: service === "wedata" ? "ap-guangzhou" : "",
    profile: { httpProfile: { protocol: "http://", endpoint, agent: new Agent({ lookup: loopbackLookup }) } },
  });
}

// Keeps tests under the documented per-second limits (WeData 20/s, MPS 100/s) so only the tests that aim for
// RequestLimitExceeded ever see it.
const MIN_GAP_MS = { mps: 12, wedata: 65 } as const;
const nextSlot = { mps: 0, wedata: 0 };
export async function pace(service: "mps" | "wedata"): Promise<void> {
  // Reserve the next free slot first, so concurrent callers queue up instead of all waiting the same gap.
  const now = performance.now();
  const slot = Math.max(now, nextSlot[service]);
  nextSlot[service] = slot + MIN_GAP_MS[service];
  if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
}

/** Calls through the SDK; resolves to the response or to `{ code }` of the SDK's exception. */
export async function sdkCall(client: CommonClient, action: string, params: Record<string, unknown>): Promise<{ code?: string; data?: Record<string, unknown> }> {
  await pace(client.endpoint.startsWith("mps") ? "mps" : "wedata");
  try {
    return { data: (await client.request(action, params)) as Record<string, unknown> };
  } catch (err) {
    return { code: (err as { code?: string }).code ?? `thrown: ${String(err)}` };
  }
}

export interface RawCallOptions {
  service: "mps" | "wedata";
  action: string;
  params?: Record<string, unknown>;
  version?: string;
  region?: string | null;
  /** Sign x-tc-action too (the current docs' variant). */
  signAction?: boolean;
  /** Unix seconds; default from `clock` or Date.now. */
  timestamp?: number;
  clock?: () => number;
  secretId?: string;
  secretKey?: string;
  /** Service named in the credential scope (default `service`). */
  scopeService?: string;
  /** Host header sent (default `<service>.tencentcloudapi.com:<port>`); `signedHost` the one signed. */
  host?: string;
  signedHost?: string;
  method?: "POST" | "GET";
  /** Body sent verbatim instead of JSON of `params`. */
  rawBody?: string;
  authorization?: string;
}

export interface RawAnswer {
  status: number;
  text: string;
  json: { Response: Record<string, unknown> & { Error?: { Code: string; Message: string }; RequestId: string } };
}

/** A hand-signed request with node:http (fetch cannot set the Host header), paced under the limits. */
export async function rawCall(emu: EmulatorHandle, o: RawCallOptions): Promise<RawAnswer> {
  await pace(o.service);
  return rawCallNow(emu, o);
}

/** Like rawCall, without pacing (for rate-limit tests). */
export function rawCallNow(emu: EmulatorHandle, o: RawCallOptions): Promise<RawAnswer> {
  const method = o.method ?? "POST";
  const query = method === "GET" ? new URLSearchParams(Object.entries(o.params ?? {}).map(([k, v]) => [k, String(v)])).toString() : "";
  const body = method === "GET" ? "" : (o.rawBody ?? JSON.stringify(o.params ?? {}));
  const contentType = method === "GET" ? "application/x-www-form-urlencoded" : "application/json";
  const host = o.host ?? `${o.service}.tencentcloudapi.com:${emu.port}`;
  const timestamp = o.timestamp ?? Math.floor((o.clock ?? Date.now)() / 1000);
  const signature = sign({
    secretId: o.secretId ?? emu.secretId,
    secretKey: o.secretKey ?? emu.secretKey,
    service: o.scopeService ?? o.service,
    host: o.signedHost ?? host,
    timestamp,
    method,
    query,
    contentType,
    body,
    action: o.signAction ? o.action : undefined,
  });
  const headers: Record<string, string> = {
    host,
    "content-type": contentType,
    authorization: o.authorization ?? signature.authorization,
    "x-tc-action": o.action,
    "x-tc-version": o.version ?? VERSIONS[o.service],
    "x-tc-timestamp": String(timestamp),
  };
  const region = o.region === undefined ? "ap-guangzhou" : o.region;
  if (region !== null) headers["x-tc-region"] = region;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: emu.port, path: query ? `/?${query}` : "/", method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: RawAnswer["json"];
        try {
          json = JSON.parse(text) as RawAnswer["json"];
        } catch {
          json = { Response: { RequestId: "" } };
        }
        resolve({ status: res.statusCode ?? 0, text, json });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Response.Error.Code of a raw answer (undefined on success). */
export const codeOf = (a: RawAnswer) => a.json.Response.Error?.Code;

/** A controllable clock for deterministic tests. */
export function manualClock(startMs: number) {
  let t = startMs;
  return { now: () => t, advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = ms) };
}
