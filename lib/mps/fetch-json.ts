// Browser-side reads of our own API routes. Every route answers errors as {"Error":{"Code","Message"},"RequestId"?}
// (docs/architecture.md), so a failed read becomes an ApiError that the page can show with its Code, Message and
// RequestId, whatever went wrong (upstream error, proxy error, network).

export class ApiError extends Error {
  readonly code: string;
  readonly requestId: string | null;
  readonly status: number;
  constructor(code: string, message: string, requestId: string | null, status: number) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.requestId = requestId;
    this.status = status;
  }
}

function errorEnvelope(body: unknown): { code: string; message: string; requestId: string | null } | null {
  if (typeof body !== "object" || body === null) return null;
  const b = body as { Error?: { Code?: unknown; Message?: unknown }; RequestId?: unknown };
  if (!b.Error || typeof b.Error.Code !== "string") return null;
  return {
    code: b.Error.Code,
    message: typeof b.Error.Message === "string" ? b.Error.Message : "",
    requestId: typeof b.RequestId === "string" ? b.RequestId : null,
  };
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError("NetworkError", "Could not reach the Taskboard server.", null, 0);
  }
  const body: unknown = await res.json().catch(() => null);
  const env = errorEnvelope(body);
  if (!res.ok || env) {
    throw new ApiError(env?.code ?? `HTTP${res.status}`, env?.message || res.statusText || "Request failed", env?.requestId ?? null, res.status);
  }
  return body as T;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
