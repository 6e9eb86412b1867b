// The one error type every upstream failure becomes. Routes turn it into the JSON envelope
// `{"Error":{"Code","Message"},"RequestId"?}` with `status`; server code (stats routes) can inspect it.

export interface UpstreamErrorInit {
  /** HTTP status the proxy answers with. */
  status: number;
  /** Tencent's Code when Tencent gave one, else one of ours (see PROXY_CODES). */
  code: string;
  message: string;
  /** Tencent's RequestId, when it gave one. */
  requestId?: string;
  /** Seconds; set on 429. */
  retryAfterSec?: number;
}

/** Codes the proxy itself produces (Tencent's own codes pass through unchanged). */
export const PROXY_CODES = {
  queueFull: "RequestLimitExceeded.ProxyQueueFull",
  deadlineBeforeTurn: "RequestLimitExceeded.ProxyQueueTimeout",
  timeout: "GatewayTimeout",
  badResponse: "InvalidUpstreamResponse",
  upstreamHttp: "UpstreamHttpError",
  network: "UpstreamNetworkError",
  aborted: "ClientClosedRequest",
  notConfigured: "ProxyNotConfigured",
} as const;

export class UpstreamError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly retryAfterSec: number | undefined;

  constructor(init: UpstreamErrorInit) {
    super(init.message);
    this.name = "UpstreamError";
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfterSec = init.retryAfterSec;
  }
}

export function isUpstreamError(e: unknown): e is UpstreamError {
  return e instanceof UpstreamError;
}

/** Tencent codes worth another attempt: throttling and server-side trouble. Everything else is final. */
export function isRetryableCode(code: string): boolean {
  return (
    code === "RequestLimitExceeded" ||
    code.startsWith("RequestLimitExceeded.") ||
    code === "InternalError" ||
    code.startsWith("InternalError.") ||
    code === "ServiceUnavailable" ||
    code.startsWith("ServiceUnavailable.")
  );
}

export function isRateLimitCode(code: string): boolean {
  return code === "RequestLimitExceeded" || code.startsWith("RequestLimitExceeded.");
}

/** The HTTP status a Tencent business error deserves (Tencent itself always answers 200). */
export function statusForTencentCode(code: string): number {
  const head = code.split(".")[0] ?? code;
  switch (head) {
    case "AuthFailure":
      // Our credentials were refused: the viewer can't fix that, so it's a gateway problem, not a 401.
      return 502;
    case "UnauthorizedOperation":
      return 403;
    case "RequestLimitExceeded":
      return 429;
    case "MissingParameter":
    case "InvalidParameter":
    case "InvalidParameterValue":
    case "UnknownParameter":
    case "InvalidFilter":
    case "LimitExceeded":
      return 400;
    case "ResourceNotFound":
      return 404;
    case "InvalidAction":
    case "NoSuchVersion":
    case "InternalError":
      return 502;
    case "ServiceUnavailable":
      return 503;
    case "FailedOperation":
    case "OperationDenied":
    case "ResourceUnavailable":
    case "ResourceInUse":
      return 409;
    default:
      return 502;
  }
}
