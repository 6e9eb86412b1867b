import "server-only";
import type { ServiceName } from "./services";

// Whether each upstream answered its last call, for GET /api/health. Process-wide (globalThis) because
// route bundles don't share module state.

export interface UpstreamHealth {
  /** null until the first call. */
  ok: boolean | null;
  lastCallAt: string | null;
  lastError?: { Code: string; RequestId?: string };
}

const KEY = Symbol.for("taskboard.upstreamHealth");
type Holder = { [KEY]?: Record<ServiceName, UpstreamHealth> };

function state(): Record<ServiceName, UpstreamHealth> {
  const h = globalThis as Holder;
  h[KEY] ??= { mps: { ok: null, lastCallAt: null }, wedata: { ok: null, lastCallAt: null } };
  return h[KEY];
}

export function recordUpstream(service: ServiceName, ok: boolean, error?: { code: string; requestId?: string }): void {
  const entry: UpstreamHealth = { ok, lastCallAt: new Date().toISOString() };
  if (!ok && error) entry.lastError = { Code: error.code, ...(error.requestId ? { RequestId: error.requestId } : {}) };
  state()[service] = entry;
}

export function upstreamHealth(): Record<ServiceName, UpstreamHealth> {
  const s = state();
  return { mps: { ...s.mps }, wedata: { ...s.wedata } };
}
