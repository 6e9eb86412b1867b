import { timingSafeEqual } from "node:crypto";
import { parseAuthorization, sign, utcDate } from "../tencent/sign";
import { ApiError, missing } from "./api-error";
import type { EmulatedService } from "./types";

// Authenticates a request the way Tencent's gateway does: TC3-HMAC-SHA256 in the Authorization header, the
// credential scope naming the service, a timestamp within ±5 minutes of server time, one known SecretId.

const MAX_SKEW_SECONDS = 300;

export interface IncomingCall {
  method: "POST" | "GET";
  /** Raw query string (without `?`); signed for GET. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Credentials {
  secretId: string;
  secretKey: string;
}

export interface VerifiedCall {
  service: EmulatedService;
  secretId: string;
}

function header(call: IncomingCall, name: string): string | undefined {
  const v = call.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function verifyRequest(call: IncomingCall, creds: Credentials, nowMs: number): VerifiedCall {
  const auth = parseAuthorization(header(call, "authorization"));
  if (!auth) throw new ApiError("AuthFailure.InvalidAuthorization", "The Authorization header is missing or malformed.");
  const signed = auth.signedHeaders.join(";");
  if (signed !== "content-type;host" && signed !== "content-type;host;x-tc-action") {
    throw new ApiError(
      "AuthFailure.InvalidAuthorization",
      "SignedHeaders must be `content-type;host` or `content-type;host;x-tc-action`.",
    );
  }
  if (auth.service !== "mps" && auth.service !== "wedata") {
    throw new ApiError("AuthFailure.InvalidAuthorization", `The credential scope names an unknown service \`${auth.service}\`.`);
  }

  const rawTimestamp = header(call, "x-tc-timestamp");
  if (rawTimestamp === undefined) throw missing("X-TC-Timestamp");
  if (!/^\d{1,12}$/.test(rawTimestamp.trim())) {
    throw new ApiError("InvalidParameter", "The X-TC-Timestamp header must be Unix seconds.");
  }
  const timestamp = Number(rawTimestamp.trim());
  const skew = timestamp - Math.floor(nowMs / 1000);
  if (Math.abs(skew) > MAX_SKEW_SECONDS) {
    throw new ApiError(
      "AuthFailure.SignatureExpire",
      `Signature expired. Timestamp ${timestamp} differs from server time ${Math.floor(nowMs / 1000)} by more than 5 minutes.`,
    );
  }
  if (auth.date !== utcDate(timestamp)) {
    throw new ApiError("AuthFailure.SignatureFailure", "The credential scope date is not the UTC date of X-TC-Timestamp.");
  }
  if (auth.secretId !== creds.secretId) {
    throw new ApiError("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct.");
  }

  const contentType = header(call, "content-type");
  const host = header(call, "host");
  if (contentType === undefined || host === undefined) {
    throw new ApiError("AuthFailure.SignatureFailure", "The provided credentials could not be validated: a signed header is missing.");
  }
  const action = signed.endsWith("x-tc-action") ? (header(call, "x-tc-action") ?? "") : undefined;
  // The official Node SDK signs the host without the port but sends it with the port: accept both.
  const hostNoPort = host.replace(/:\d+$/, "");
  const candidates = hostNoPort === host ? [host] : [host, hostNoPort];
  const given = Buffer.from(auth.signature, "hex");
  for (const h of candidates) {
    const expected = sign({
      ...creds,
      service: auth.service,
      host: h,
      timestamp,
      method: call.method,
      query: call.query,
      contentType,
      body: call.body,
      action,
    });
    if (timingSafeEqual(Buffer.from(expected.signature, "hex"), given)) return { service: auth.service, secretId: auth.secretId };
  }
  throw new ApiError(
    "AuthFailure.SignatureFailure",
    "The provided credentials could not be validated. Please check your signature is correct.",
  );
}
