import "server-only";
import http from "node:http";
import https from "node:https";
import { sign } from "./sign";
import { SERVICES, type ServiceName } from "./services";
import type { ResolvedTarget } from "./config";

// One signed POST to a Tencent endpoint over keep-alive connections. Knows nothing of retries or limits:
// it reports what happened (status + body, or a thrown network/abort error) and the caller decides.

// Sockets per host: at least one wall gathering's calls at once (55 MPS + 11 per WeData project, all on one
// host in demo mode and behind a single gateway). With 64, a wall's 66 calls took two upstream round trips.
// The rate limiters, not this pool, bound what reaches Tencent.
const MAX_SOCKETS_PER_HOST = 128;

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST, keepAliveMsecs: 10_000 }),
  https: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST, keepAliveMsecs: 10_000 }),
};

export interface RawReply {
  status: number;
  body: string;
}

const CONTENT_TYPE = "application/json";

export function buildSignedRequest(target: ResolvedTarget, service: ServiceName, action: string, body: string, timestamp: number) {
  const url = new URL(target.endpoint);
  // Signed host is the hostname without port, as the official SDKs sign it; the service in the credential
  // scope is always the service's own name, whatever host the endpoint names.
  const { authorization } = sign({
    secretId: target.secretId,
    secretKey: target.secretKey,
    service: SERVICES[service].service,
    host: url.hostname,
    timestamp,
    contentType: CONTENT_TYPE,
    body,
  });
  const headers: Record<string, string> = {
    "Content-Type": CONTENT_TYPE,
    "Content-Length": String(Buffer.byteLength(body)),
    Authorization: authorization,
    "X-TC-Action": action,
    "X-TC-Version": SERVICES[service].version,
    "X-TC-Timestamp": String(timestamp),
    "X-TC-Region": target.region,
    "X-TC-RequestClient": "taskboard",
  };
  if (target.sessionToken) headers["X-TC-Token"] = target.sessionToken;
  return { url, headers };
}

export function postSigned(
  target: ResolvedTarget,
  service: ServiceName,
  action: string,
  params: Record<string, unknown>,
  signal: AbortSignal,
): Promise<RawReply> {
  const body = JSON.stringify(params);
  const { url, headers } = buildSignedRequest(target, service, action, body, Math.floor(Date.now() / 1000));
  const mod = url.protocol === "https:" ? https : http;
  const agent = url.protocol === "https:" ? agents.https : agents.http;
  return new Promise<RawReply>((resolve, reject) => {
    const req = mod.request(url, { method: "POST", headers, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
      // An abort or reset after the headers arrived ends the response without "end".
      res.on("close", () => {
        if (!res.complete) reject(signal.aborted ? signal.reason : new Error("upstream closed the response early"));
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}
