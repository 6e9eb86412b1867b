import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { ApiError, missing } from "./api-error";
import { CallStats } from "./call-stats";
import { CallWindow } from "./call-window";
import { handleControl } from "./control-endpoint";
import { appliesTo, decideFault } from "./faults";
import type { ServiceApi } from "./service-api";
import type { EmulatedService, FaultConfig } from "./types";
import { verifyRequest, type Credentials } from "./verify-request";

const MAX_BODY_BYTES = 1 << 20;

export interface ServerState {
  creds: Credentials;
  now: () => number;
  apis: Record<EmulatedService, ServiceApi>;
  stats: CallStats;
  faults: FaultConfig | null;
}

/** An answer to send, with what the call log records about it. */
type Answer = { status: number; body: string; code: string | null };

function envelope(payload: Record<string, unknown>): Answer {
  return { status: 200, body: JSON.stringify({ Response: { ...payload, RequestId: randomUUID() } }), code: null };
}

function errorEnvelope(err: ApiError): Answer {
  return { ...envelope({ Error: { Code: err.code, Message: err.message } }), code: err.code };
}

export function createEmulatorServer(state: ServerState): { server: Server; shutdown: () => void } {
  const limiters = { mps: new CallWindow(), wedata: new CallWindow() };
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://emulator.local");
      if (url.pathname.startsWith("/__emulator/")) {
        handleControl(req, res, url.pathname, body, state);
        return;
      }
      if (size > MAX_BODY_BYTES) return send(res, errorEnvelope(new ApiError("InvalidParameter", "The request body is too large.")));
      void handleApi(req, res, url, body);
    });
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
    const started = performance.now();
    if (req.method !== "POST" && req.method !== "GET") {
      return send(res, errorEnvelope(new ApiError("UnsupportedProtocol", "Only POST and GET are supported.")));
    }
    const fromQuery = req.method === "GET";
    const now = state.now();
    let service: EmulatedService;
    try {
      service = verifyRequest({ method: req.method, query: url.search.slice(1), headers: req.headers, body }, state.creds, now).service;
    } catch (err) {
      state.stats.recordAuthFailure();
      return send(res, errorEnvelope(asApiError(err)));
    }
    const action = headerOf(req, "x-tc-action") ?? "";
    state.stats.recordCall(service, action || "(none)");

    const faults = state.faults && appliesTo(state.faults, service) ? state.faults : null;
    const api = state.apis[service];
    const arrival = performance.now();
    let answer: Answer | "hang";
    if (limiters[service].count(arrival) >= api.ratePerSecond) {
      state.stats.recordRateLimited(service);
      answer = errorEnvelope(rateLimited(limiters[service].count(arrival) + 1, api.ratePerSecond));
    } else {
      limiters[service].record(arrival);
      state.stats.accepted[service].record(arrival);
      answer = faulted(faults, service, api.ratePerSecond) ?? callAction(api, action, req, body, fromQuery, now);
    }
    if (faults?.latencyMs) await delay(faults.latencyMs);
    if (answer === "hang") return; // accepted, never answered; close() destroys the socket
    state.stats.recordAnswer({ at: now, service, action, error: answer.code, ms: Math.round((performance.now() - started) * 100) / 100 });
    send(res, answer);
  }

  function faulted(faults: FaultConfig | null, service: EmulatedService, limit: number): Answer | "hang" | null {
    if (!faults) return null;
    const d = decideFault(faults);
    switch (d.kind) {
      case "none":
        return null;
      case "hang":
        return "hang";
      case "http":
        return { status: d.status, body: `<html><body><h1>${d.status}</h1>upstream unavailable</body></html>`, code: `HTTP ${d.status}` };
      case "malformed":
        return { status: 200, body: `{"Response": {"RequestId": "${randomUUID()}", "TaskSet": [`, code: "(malformed)" };
      case "storm":
        state.stats.recordRateLimited(service);
        return errorEnvelope(rateLimited(limit + 1, limit));
      case "error":
        return errorEnvelope(new ApiError(d.code, `Injected fault: ${d.code}.`));
    }
  }

  function callAction(api: ServiceApi, action: string, req: IncomingMessage, body: string, fromQuery: boolean, now: number): Answer {
    try {
      if (!action) throw missing("Action");
      const version = headerOf(req, "x-tc-version");
      if (!version) throw missing("Version");
      const handler = Object.hasOwn(api.actions, action) ? api.actions[action] : undefined;
      if (!handler) throw new ApiError("InvalidAction", `The action \`${action}\` is not found.`);
      if (version !== api.version) throw new ApiError("NoSuchVersion", `The API version \`${version}\` does not exist for this service.`);
      const region = headerOf(req, "x-tc-region");
      if (api.needsRegion && !region) throw missing("Region");
      const params = fromQuery ? Object.fromEntries(new URL(req.url ?? "/", "http://x").searchParams) : parseBody(body, req);
      return envelope(handler(params, { now, fromQuery, region }));
    } catch (err) {
      return errorEnvelope(asApiError(err));
    }
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  }

  return {
    server,
    shutdown: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
    },
  };
}

function parseBody(body: string, req: IncomingMessage): Record<string, unknown> {
  const ct = (headerOf(req, "content-type") ?? "").toLowerCase();
  if (!ct.startsWith("application/json")) throw new ApiError("InvalidParameter", "Content-Type must be application/json for POST.");
  if (body.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError("InvalidParameter", "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError("InvalidParameter", "The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

function rateLimited(count: number, limit: number): ApiError {
  return new ApiError(
    "RequestLimitExceeded",
    `Your current request times equals to \`${count}\` in a second, which exceeds the frequency limit \`${limit}\` for a second. Please reduce the frequency of calls.`,
  );
}

function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  // A bug in the emulator, not an injected fault: say so loudly, then answer like Tencent would.
  console.error("emulator: internal error", err);
  return new ApiError("InternalError", `Internal error: ${err instanceof Error ? err.message : String(err)}`);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed) return;
  const isJson = answer.status === 200;
  res.writeHead(answer.status, {
    "content-type": isJson ? "application/json" : "text/html",
    "content-length": Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}
