import type { WallError } from "./types";

// The wall's view of the shared upstream door (lib/tencent's callTencent): injected, so the gatherers are
// plain functions that unit tests can drive against the emulator through the real client.

export type WallCallOptions = { signal?: AbortSignal; deadlineMs?: number; cacheTtlMs?: number };
export type WallCall = (
  service: "mps" | "wedata",
  action: string,
  params: Record<string, unknown>,
  options: WallCallOptions,
) => Promise<unknown>;

/** Any thrown failure → the `{Code, Message, RequestId}` the wall shows. */
export function toWallError(e: unknown): WallError {
  if (typeof e === "object" && e !== null) {
    const o = e as { code?: unknown; message?: unknown; requestId?: unknown; name?: unknown };
    if (typeof o.code === "string") {
      return {
        Code: o.code,
        Message: typeof o.message === "string" ? o.message : "",
        ...(typeof o.requestId === "string" ? { RequestId: o.requestId } : {}),
      };
    }
    if (o.name === "AbortError" || o.name === "TimeoutError") return { Code: "GatewayTimeout", Message: "The upstream did not answer in time" };
    if (e instanceof Error) return { Code: "InternalError", Message: e.message };
  }
  return { Code: "InternalError", Message: String(e) };
}
