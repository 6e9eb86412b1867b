// Browser-side reads of Taskboard's own API. Every failure becomes an ApiError carrying the envelope's Code,
// Message and RequestId (`{"Error":{"Code","Message"},"RequestId"?}`), so the page can show all three.

export class ApiError extends Error {
  readonly code: string;
  readonly requestId: string | undefined;
  readonly status: number;

  constructor(status: number, code: string, message: string, requestId?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

interface Envelope {
  Error?: { Code?: unknown; Message?: unknown };
  RequestId?: unknown;
}

export async function getJson<T>(path: string, params: URLSearchParams | null, signal?: AbortSignal): Promise<T> {
  const url = params ? `${path}?${params.toString()}` : path;
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "NetworkError", "Taskboard's server could not be reached.");
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, "InvalidResponse", `Taskboard answered HTTP ${res.status} without JSON.`);
  }
  const env = body as Envelope | null;
  if (!res.ok || env?.Error) {
    const code = typeof env?.Error?.Code === "string" ? env.Error.Code : `HTTP${res.status}`;
    const message = typeof env?.Error?.Message === "string" ? env.Error.Message : `HTTP ${res.status}`;
    const requestId = typeof env?.RequestId === "string" ? env.RequestId : undefined;
    throw new ApiError(res.status, code, message, requestId);
  }
  return body as T;
}
