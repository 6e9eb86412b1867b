import "server-only";
import { callTencentRaw, type CallOptions } from "@/lib/tencent/client";
import { isUpstreamError } from "@/lib/tencent/errors";
import { logEvent } from "@/lib/tencent/log";
import type { ActionOf, ServiceName } from "@/lib/tencent/services";
import { ApiError, errorResponse, jsonResponse, NO_STORE, rawJsonResponse } from "./envelope";
import { parsePathParam, parseQuery, type ParamSpec, type QuerySpec } from "./query";

/*
 * Route wrappers: every API route is a few lines that name what it allows; these own parsing, the error
 * envelope and method handling.
 *
 *   // One read-only Tencent action, its query spec, optional path parameters:
 *   const route = tencentRoute({ service: "mps", action: "DescribeTaskDetail", query: {},
 *                                path: { taskId: { param: "TaskId", spec: idParam() } } });
 *   export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
 *
 *   // Anything else (stats routes): the handler returns a Response or a JSON-able value.
 *   const route = apiRoute(async (req, { params }) => {
 *     const q = parseQuery(new URL(req.url).searchParams, spec);
 *     const data = await callTencent("wedata", "ListTaskInstances", {...}, { signal: req.signal });
 *     return { ... };
 *   });
 *
 * Errors: ApiError / UpstreamError thrown anywhere become `{"Error":{"Code","Message"},"RequestId"?}` with
 * their status (Retry-After on 429); anything else is a logged 500 InternalError. Methods other than GET
 * and HEAD answer 405 with `Allow: GET, HEAD`. HEAD runs GET and drops the body.
 */

export type RouteContext<P extends Record<string, string> = Record<string, string>> = { params: Promise<P> };
type Handler<P extends Record<string, string>> = (req: Request, ctx: RouteContext<P>) => Promise<Response>;

export interface RouteMethods<P extends Record<string, string>> {
  GET: Handler<P>;
  HEAD: Handler<P>;
  POST: Handler<P>;
  PUT: Handler<P>;
  PATCH: Handler<P>;
  DELETE: Handler<P>;
  OPTIONS: Handler<P>;
}

/** Turns a thrown error into the envelope. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof ApiError) return errorResponse(err.status, err.code, err.message, err.requestId, err.headers);
  if (isUpstreamError(err)) {
    const headers: Record<string, string> = err.retryAfterSec !== undefined ? { "Retry-After": String(err.retryAfterSec) } : {};
    return errorResponse(err.status, err.code, err.message, err.requestId, headers);
  }
  logEvent("route_error", { message: err instanceof Error ? err.message : String(err) }, "error");
  return errorResponse(500, "InternalError", "Taskboard failed to handle this request.");
}

const ALLOW = "GET, HEAD";

function methodNotAllowed(req: Request): Promise<Response> {
  return Promise.resolve(
    errorResponse(405, "MethodNotAllowed", `The method ${req.method} is not allowed here; use GET or HEAD.`, undefined, { Allow: ALLOW }),
  );
}

export function apiRoute<P extends Record<string, string> = Record<string, string>>(
  handler: (req: Request, ctx: RouteContext<P>) => Promise<Response | unknown>,
): RouteMethods<P> {
  const GET: Handler<P> = async (req, ctx) => {
    try {
      const out = await handler(req, ctx);
      return out instanceof Response ? out : jsonResponse(out, 200, NO_STORE);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
  const HEAD: Handler<P> = async (req, ctx) => {
    const res = await GET(req, ctx);
    return new Response(null, { status: res.status, headers: res.headers });
  };
  return { GET, HEAD, POST: methodNotAllowed, PUT: methodNotAllowed, PATCH: methodNotAllowed, DELETE: methodNotAllowed, OPTIONS: methodNotAllowed };
}

export interface TencentRouteDef<S extends ServiceName, Q extends QuerySpec, P extends Record<string, string>> {
  service: S;
  action: ActionOf<S>;
  query: Q;
  /** Path segment → the Tencent parameter it fills, validated like a query parameter. */
  path?: { [K in keyof P]: { param: string; spec: ParamSpec<string> } };
  /** Per-route call options (deadline, cache TTL). */
  call?: Omit<CallOptions, "signal">;
}

/** One route = one read-only action: nothing about action, host or version comes from the request. */
export function tencentRoute<S extends ServiceName, Q extends QuerySpec, P extends Record<string, string> = Record<string, never>>(
  def: TencentRouteDef<S, Q, P>,
): RouteMethods<P> {
  return apiRoute<P>(async (req, ctx) => {
    const params: Record<string, unknown> = {};
    if (def.path) {
      const segments = await ctx.params;
      for (const [segment, { param, spec }] of Object.entries(def.path) as Array<[string, { param: string; spec: ParamSpec<string> }]>) {
        params[param] = parsePathParam(param, segments[segment], spec);
      }
    }
    Object.assign(params, parseQuery(new URL(req.url).searchParams, def.query));
    const result = await callTencentRaw(def.service, def.action, params, { ...def.call, signal: req.signal });
    return rawJsonResponse(result.raw, 200, { ...NO_STORE, "X-Upstream-Shared": result.shared ? "1" : "0" });
  });
}
