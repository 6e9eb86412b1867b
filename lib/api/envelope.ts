// The one error envelope of the HTTP API: `{"Error":{"Code","Message"},"RequestId"?}`, plus JSON helpers.

export interface ErrorBody {
  Error: { Code: string; Message: string };
  RequestId?: string;
}

/** An error a route decides itself (bad query, unknown id...). Thrown inside a route; the wrapper answers it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function errorResponse(
  status: number,
  code: string,
  message: string,
  requestId?: string,
  headers: Record<string, string> = {},
): Response {
  const body: ErrorBody = { Error: { Code: code, Message: message }, ...(requestId ? { RequestId: requestId } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

/** A JSON body already serialised (e.g. Tencent's Response text, passed through byte for byte). */
export function rawJsonResponse(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
}

export function jsonResponse(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return rawJsonResponse(JSON.stringify(value), status, headers);
}
