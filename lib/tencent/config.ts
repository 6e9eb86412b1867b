import "server-only";
import { z } from "zod";
import { SERVICES, type ServiceName } from "./services";
import { getDemoEmulator } from "./demo-emulator-state";

// Configuration from the environment, parsed by one schema. `loadConfig()` runs at server start (from
// instrumentation.ts) so a bad variable stops the server with a message that names it; `getConfig()` is
// the cached result every request uses. Secrets stay inside lib/tencent: only `publicConfig()` leaves it.

const intVar = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be an integer from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

const endpointVar = (name: string, fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const raw = v === undefined || v === "" ? fallback : v;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        ctx.addIssue({ code: "custom", message: `${name} must be a full base URL such as ${fallback} (got "${raw}")` });
        return z.NEVER;
      }
      if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
        ctx.addIssue({ code: "custom", message: `${name} must be an http(s) base URL with no path or query, such as ${fallback} (got "${raw}")` });
        return z.NEVER;
      }
      return url.origin;
    });

const regionVar = (name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const r = v === undefined || v === "" ? "ap-guangzhou" : v;
      if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(r)) {
        ctx.addIssue({ code: "custom", message: `${name} must be a region such as ap-guangzhou (got "${r}")` });
        return z.NEVER;
      }
      return r;
    });

const redisUrlVar = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      ctx.addIssue({ code: "custom", message: `REDIS_URL must be a URL such as redis://127.0.0.1:6379 (got "${v}")` });
      return z.NEVER;
    }
    if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
      ctx.addIssue({ code: "custom", message: `REDIS_URL must start with redis:// or rediss:// (got "${url.protocol}")` });
      return z.NEVER;
    }
    return v;
  });

const shareVar = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return 1 / 3;
    const n = Number(v);
    if (!/^(0?\.\d+|1(\.0*)?)$/.test(v) || !(n > 0 && n <= 1)) {
      ctx.addIssue({ code: "custom", message: `REDIS_FALLBACK_SHARE must be a fraction above 0 and at most 1, such as 0.33 (got "${v}")` });
      return z.NEVER;
    }
    return n;
  });

const EnvSchema = z
  .object({
    TENCENTCLOUD_SECRET_ID: z.string().trim().optional(),
    TENCENTCLOUD_SECRET_KEY: z.string().trim().optional(),
    TENCENTCLOUD_SESSION_TOKEN: z.string().trim().optional(),
    MPS_ENDPOINT: endpointVar("MPS_ENDPOINT", SERVICES.mps.defaultEndpoint),
    WEDATA_ENDPOINT: endpointVar("WEDATA_ENDPOINT", SERVICES.wedata.defaultEndpoint),
    MPS_REGION: regionVar("MPS_REGION"),
    WEDATA_REGION: regionVar("WEDATA_REGION"),
    WEDATA_PROJECT_IDS: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const ids = (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
        const bad = ids.find((id) => !/^\d{1,30}$/.test(id));
        if (bad !== undefined) {
          ctx.addIssue({ code: "custom", message: `WEDATA_PROJECT_IDS must be comma-separated numeric project ids (bad: "${bad}")` });
          return z.NEVER;
        }
        return ids;
      }),
    PORT: intVar("PORT", 1, 65535, 3000),
    UPSTREAM_DEADLINE_MS: intVar("UPSTREAM_DEADLINE_MS", 100, 120_000, 10_000),
    UPSTREAM_CACHE_TTL_MS: intVar("UPSTREAM_CACHE_TTL_MS", 0, 300_000, 2_000),
    UPSTREAM_MAX_QUEUE: intVar("UPSTREAM_MAX_QUEUE", 1, 100_000, 1_000),
    UPSTREAM_MAX_RETRIES: intVar("UPSTREAM_MAX_RETRIES", 0, 10, 4),
    MPS_RATE_LIMIT: intVar("MPS_RATE_LIMIT", 1, SERVICES.mps.ratePerSecond, SERVICES.mps.ratePerSecond),
    WEDATA_RATE_LIMIT: intVar("WEDATA_RATE_LIMIT", 1, SERVICES.wedata.ratePerSecond, SERVICES.wedata.ratePerSecond),
    REDIS_URL: redisUrlVar,
    REDIS_KEY_PREFIX: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === "" ? "taskboard:" : v)),
    REDIS_FALLBACK_SHARE: shareVar,
  })
  .superRefine((env, ctx) => {
    const id = env.TENCENTCLOUD_SECRET_ID ?? "";
    const key = env.TENCENTCLOUD_SECRET_KEY ?? "";
    if (id && !key) ctx.addIssue({ code: "custom", path: ["TENCENTCLOUD_SECRET_KEY"], message: "TENCENTCLOUD_SECRET_KEY is required when TENCENTCLOUD_SECRET_ID is set" });
    if (key && !id) ctx.addIssue({ code: "custom", path: ["TENCENTCLOUD_SECRET_ID"], message: "TENCENTCLOUD_SECRET_ID is required when TENCENTCLOUD_SECRET_KEY is set" });
    if (env.TENCENTCLOUD_SESSION_TOKEN && !id) ctx.addIssue({ code: "custom", path: ["TENCENTCLOUD_SESSION_TOKEN"], message: "TENCENTCLOUD_SESSION_TOKEN needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY" });
  });

export interface ServiceTarget {
  service: ServiceName;
  endpoint: string;
  region: string;
  ratePerSecond: number;
}

export interface Config {
  mode: "demo" | "live";
  port: number;
  deadlineMs: number;
  cacheTtlMs: number;
  maxQueue: number;
  maxRetries: number;
  wedataProjectIds: string[];
  targets: Record<ServiceName, ServiceTarget>;
  /** Shared cache, single-flight and rate limits across servers; null = in-memory only (one server). */
  redis: { url: string; keyPrefix: string; fallbackShare: number } | null;
  /** Live mode only; in demo mode the emulator's generated credentials are used (see credentialsFor). */
  credentials: { secretId: string; secretKey: string; sessionToken?: string } | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws ConfigError naming every bad variable. Pure: used by tests too. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    // Every message starts with the variable's name already.
    const lines = parsed.error.issues.map((i) => `  - ${i.message}`);
    throw new ConfigError(`Invalid Taskboard configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const live = Boolean(e.TENCENTCLOUD_SECRET_ID && e.TENCENTCLOUD_SECRET_KEY);
  return {
    mode: live ? "live" : "demo",
    port: e.PORT,
    deadlineMs: e.UPSTREAM_DEADLINE_MS,
    cacheTtlMs: e.UPSTREAM_CACHE_TTL_MS,
    maxQueue: e.UPSTREAM_MAX_QUEUE,
    maxRetries: e.UPSTREAM_MAX_RETRIES,
    wedataProjectIds: e.WEDATA_PROJECT_IDS,
    targets: {
      mps: { service: "mps", endpoint: e.MPS_ENDPOINT, region: e.MPS_REGION, ratePerSecond: e.MPS_RATE_LIMIT },
      wedata: { service: "wedata", endpoint: e.WEDATA_ENDPOINT, region: e.WEDATA_REGION, ratePerSecond: e.WEDATA_RATE_LIMIT },
    },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX, fallbackShare: e.REDIS_FALLBACK_SHARE } : null,
    credentials: live
      ? {
          secretId: e.TENCENTCLOUD_SECRET_ID as string,
          secretKey: e.TENCENTCLOUD_SECRET_KEY as string,
          ...(e.TENCENTCLOUD_SESSION_TOKEN ? { sessionToken: e.TENCENTCLOUD_SESSION_TOKEN } : {}),
        }
      : null,
  };
}

const CONFIG_KEY = Symbol.for("taskboard.config");
type ConfigHolder = { [CONFIG_KEY]?: Config };

/** Validates the environment once and caches the result process-wide (instrumentation and route bundles share it). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const holder = globalThis as ConfigHolder;
  const config = parseConfig(env);
  holder[CONFIG_KEY] = config;
  return config;
}

export function getConfig(): Config {
  return (globalThis as ConfigHolder)[CONFIG_KEY] ?? loadConfig();
}

/** Test hook: forget the cached config so the next getConfig() re-reads the environment. */
export function resetConfigForTests(): void {
  delete (globalThis as ConfigHolder)[CONFIG_KEY];
}

export interface ResolvedTarget extends ServiceTarget {
  secretId: string;
  secretKey: string;
  sessionToken?: string;
}

/**
 * Endpoint and credentials to use for a service right now. In demo mode they come from the built-in
 * emulator (started by instrumentation.ts, or lazily here when something calls before it did).
 */
export async function resolveTarget(service: ServiceName): Promise<ResolvedTarget> {
  const config = getConfig();
  const target = config.targets[service];
  if (config.credentials) return { ...target, ...config.credentials };
  const emulator = await getDemoEmulator();
  return { ...target, endpoint: emulator.url, secretId: emulator.secretId, secretKey: emulator.secretKey };
}

/** The non-secret configuration the UI may see. */
export interface PublicConfig {
  mode: "demo" | "live";
  regions: Record<ServiceName, string>;
  wedataProjectIds: string[];
}

/** Project ids the emulator serves (lib/emulator's fixed ids), offered in demo mode when none are configured. */
export const DEMO_PROJECT_IDS = ["1460947878944567296", "1460947878944567297"];

export function publicConfig(config: Config = getConfig()): PublicConfig {
  return {
    mode: config.mode,
    regions: { mps: config.targets.mps.region, wedata: config.targets.wedata.region },
    wedataProjectIds:
      config.mode === "demo" && config.wedataProjectIds.length === 0 ? DEMO_PROJECT_IDS : config.wedataProjectIds,
  };
}
