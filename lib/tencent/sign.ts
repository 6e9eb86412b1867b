import { createHash, createHmac } from "node:crypto";

// TC3-HMAC-SHA256, as ../shared/TENCENT_API.md §2 describes it. Pure and dependency-free so the proxy
// (which signs) and the emulator (which verifies) share one implementation of the arithmetic; the
// emulator's conformance tests use the official SDK as an independent signer.

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

export interface SignInput {
  secretId: string;
  secretKey: string;
  /** Credential-scope service: `mps` or `wedata` (never derived from the host). */
  service: string;
  /** The Host header value that is signed (lower-cased before signing). */
  host: string;
  /** Unix seconds. */
  timestamp: number;
  method?: "POST" | "GET";
  /** Canonical query string for GET; empty for POST. */
  query?: string;
  contentType: string;
  body: string;
  /** When set, `x-tc-action` is signed too (the current docs' variant). */
  action?: string;
}

export interface Signature {
  authorization: string;
  signature: string;
  signedHeaders: string;
  credentialScope: string;
  canonicalRequest: string;
  stringToSign: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** The UTC calendar date of a Unix timestamp, `YYYY-MM-DD`. */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

// The derived signing key depends only on (secret key, UTC date, service), so it is computed once per day and
// service instead of three HMACs per call (the AWS SDKs keep the same cache for SigV4). A few entries suffice:
// one per service, plus the previous date for a moment after midnight and a rotated key.
const SIGNING_KEY_CACHE_SIZE = 16;
const signingKeys = new Map<string, Buffer>();

function signingKey(secretKey: string, date: string, service: string): Buffer {
  const id = `${date}\u0000${service}\u0000${secretKey}`;
  let key = signingKeys.get(id);
  if (key === undefined) {
    key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
    if (signingKeys.size >= SIGNING_KEY_CACHE_SIZE) signingKeys.delete(signingKeys.keys().next().value as string);
    signingKeys.set(id, key);
  }
  return key;
}

export function sign(input: SignInput): Signature {
  const method = input.method ?? "POST";
  const headers: Array<[string, string]> = [
    ["content-type", input.contentType.trim().toLowerCase()],
    ["host", input.host.trim().toLowerCase()],
  ];
  if (input.action !== undefined) headers.push(["x-tc-action", input.action.trim().toLowerCase()]);
  headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = headers.map(([k, v]) => `${k}:${v}\n`).join("");
  const signedHeaders = headers.map(([k]) => k).join(";");
  const canonicalRequest = [
    method,
    "/",
    method === "GET" ? (input.query ?? "") : "",
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.body),
  ].join("\n");

  const date = utcDate(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, sha256Hex(canonicalRequest)].join("\n");

  const signature = createHmac("sha256", signingKey(input.secretKey, date, input.service)).update(stringToSign, "utf8").digest("hex");

  const authorization = `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { authorization, signature, signedHeaders, credentialScope, canonicalRequest, stringToSign };
}

export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9-]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** Parses an Authorization header; `null` when it is malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header) return null;
  const m = AUTH_PATTERN.exec(header.trim());
  if (!m) return null;
  const [, secretId, date, service, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
  return { secretId, date, service, signedHeaders: signedHeaders.split(";"), signature };
}
