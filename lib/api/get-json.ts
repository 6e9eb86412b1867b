import { ApiError } from "./envelope";

// The pages' one reader of Taskboard's own API. Every failure becomes the envelope's ApiError with its Code,
// Message and RequestId, so a page can show all three whatever went wrong (upstream error, proxy error,
// network, a body that is not JSON).

export async function getJson<T>(path: string, params: URLSearchParams | null = null, signal?: AbortSignal): Promise<T> {
  const url = params ? `${path}?${params.toString()}` : path;
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, "NetworkError", "Taskboard's server could not be reached.");
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, "InvalidResponse", `Taskboard answered HTTP ${res.status} without JSON.`);
  }
  // The envelope as received: nothing in it is trusted to have its documented type.
  const env = body as { Error?: { Code?: unknown; Message?: unknown }; RequestId?: unknown } | null;
  if (!res.ok || env?.Error) {
    const code = typeof env?.Error?.Code === "string" ? env.Error.Code : `HTTP${res.status}`;
    const message = typeof env?.Error?.Message === "string" && env.Error.Message ? env.Error.Message : `HTTP ${res.status}`;
    const requestId = typeof env?.RequestId === "string" ? env.RequestId : undefined;
    throw new ApiError(res.status, code, message, requestId);
  }
  return body as T;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export { ApiError };
