import type { EmulatedService, FaultConfig } from "./types";

// Decides, per call, which injected fault (if any) applies. Randomness here is Math.random on purpose: faults
// are for reliability tests that assert on shares and recovery, not on which exact call failed.

export type FaultDecision =
  | { kind: "none" }
  | { kind: "hang" }
  | { kind: "http"; status: number }
  | { kind: "malformed" }
  | { kind: "error"; code: string }
  | { kind: "storm" };

const RATE_KEYS = ["errorRate", "httpStatusRate", "malformedRate", "hangRate"] as const;

/** Validates a control-endpoint body; returns an error message or the config. */
export function parseFaultConfig(input: unknown): FaultConfig | string {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return "body must be a JSON object";
  const f = input as Record<string, unknown>;
  const known = new Set(["services", "latencyMs", "errorRate", "errorCode", "httpStatus", "httpStatusRate", "malformedRate", "hangRate", "rateLimitStorm"]);
  for (const k of Object.keys(f)) if (!known.has(k)) return `unknown field ${k}`;
  if (f.services !== undefined) {
    if (!Array.isArray(f.services) || !f.services.every((s) => s === "mps" || s === "wedata")) return "services must be a list of mps/wedata";
  }
  for (const k of RATE_KEYS) {
    const v = f[k];
    if (v !== undefined && (typeof v !== "number" || !(v >= 0 && v <= 1))) return `${k} must be a number between 0 and 1`;
  }
  if (f.latencyMs !== undefined && (typeof f.latencyMs !== "number" || !(f.latencyMs >= 0 && f.latencyMs <= 600_000))) return "latencyMs must be 0..600000";
  if (f.httpStatus !== undefined && (typeof f.httpStatus !== "number" || !Number.isInteger(f.httpStatus) || f.httpStatus < 400 || f.httpStatus > 599)) return "httpStatus must be 400..599";
  if (f.errorCode !== undefined && (typeof f.errorCode !== "string" || !/^[A-Za-z.]+$/.test(f.errorCode))) return "errorCode must be a Tencent error code";
  if (f.rateLimitStorm !== undefined && typeof f.rateLimitStorm !== "boolean") return "rateLimitStorm must be a boolean";
  return f as FaultConfig;
}

export function appliesTo(f: FaultConfig, service: EmulatedService): boolean {
  return !f.services || f.services.includes(service);
}

export function decideFault(f: FaultConfig, random: () => number = Math.random): FaultDecision {
  if (f.hangRate && random() < f.hangRate) return { kind: "hang" };
  if (f.httpStatusRate && random() < f.httpStatusRate) return { kind: "http", status: f.httpStatus ?? 503 };
  if (f.malformedRate && random() < f.malformedRate) return { kind: "malformed" };
  if (f.rateLimitStorm) return { kind: "storm" };
  if (f.errorRate && random() < f.errorRate) return { kind: "error", code: f.errorCode ?? "InternalError" };
  return { kind: "none" };
}
