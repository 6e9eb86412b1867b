import http from "node:http";
import { performance } from "node:perf_hooks";
import { sign } from "../../lib/tencent/sign";
import { SERVICES, type ServiceName } from "../../lib/tencent/services";

// Plain node:http over keep-alive sockets, the same transport the proxy uses upstream, so a direct call and a
// proxied one differ only by the proxy in between (no fetch/undici overhead on one side only).

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024, keepAliveMsecs: 10_000 });

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from sending to the last byte. */
  ms: number;
}

type Init = { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string; timeoutMs?: number };

export async function request(url: string, init: Init = {}): Promise<Reply> {
  try {
    return await once(url, init);
  } catch (err) {
    // A kept-alive socket the server closed at the moment we reused it (Next closes idle ones after 5 s):
    // a client-side race, not an answer, so it is retried once as Node's documentation advises.
    if ((err as { reusedSocket?: boolean }).reusedSocket) return once(url, init);
    throw err;
  }
}

function once(url: string, init: Init): Promise<Reply> {
  const started = performance.now();
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent, timeout: init.timeoutMs ?? 120_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", (err: NodeJS.ErrnoException) => {
      const raced = req.reusedSocket && (err.code === "ECONNRESET" || err.message === "socket hang up");
      reject(raced ? Object.assign(err, { reusedSocket: true }) : err);
    });
    req.end(init.body);
  });
}

export interface DirectTarget {
  url: string;
  secretId: string;
  secretKey: string;
  region?: string;
}

/**
 * One Tencent API call signed here and sent straight to the emulator, as the proxy would send it. Its `ms`
 * includes building and signing the request, which the proxy's time includes too.
 */
export async function directCall(target: DirectTarget, service: ServiceName, action: string, params: Record<string, unknown>): Promise<Reply> {
  const started = performance.now();
  const body = JSON.stringify(params);
  const url = new URL(target.url);
  const timestamp = Math.floor(Date.now() / 1000);
  const contentType = "application/json";
  const { authorization } = sign({
    secretId: target.secretId,
    secretKey: target.secretKey,
    service: SERVICES[service].service,
    host: url.hostname,
    timestamp,
    contentType,
    body,
  });
  const signedMs = performance.now() - started;
  const reply = await request(target.url, {
    method: "POST",
    body,
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(Buffer.byteLength(body)),
      Authorization: authorization,
      "X-TC-Action": action,
      "X-TC-Version": SERVICES[service].version,
      "X-TC-Timestamp": String(timestamp),
      "X-TC-Region": target.region ?? "ap-guangzhou",
    },
  });
  return { ...reply, ms: reply.ms + signedMs };
}

/** The Tencent error code in a reply body, or null when it carries none. */
export function upstreamErrorCode(body: string): string | null {
  try {
    const json = JSON.parse(body) as { Response?: { Error?: { Code?: string } }; Error?: { Code?: string } };
    return json.Response?.Error?.Code ?? json.Error?.Code ?? null;
  } catch {
    return "MalformedBody";
  }
}
