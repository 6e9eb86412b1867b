// Public shapes of the emulator: what startEmulator() takes and returns, and what the control endpoint speaks.

export type EmulatedService = "mps" | "wedata";

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Only loopback addresses are accepted. */
  host?: string;
  /** PRNG seed for all generated data (default 1). */
  seed?: number;
  /** Multiplies data sizes; 1 = 176,022 WeData instances in the first project and ~35,000 MPS tasks. */
  scale?: number;
  /** The one credential pair the emulator accepts; generated per run when absent. */
  secretId?: string;
  secretKey?: string;
  /** Millisecond clock; inject a fixed or stepping clock for deterministic tests. */
  now?: () => number;
  /** No log lines on stdout. */
  quiet?: boolean;
}

/** Run-time fault injection (POST /__emulator/faults). Every rate is a share between 0 and 1. */
export interface FaultConfig {
  /** Services the faults apply to; default both. */
  services?: EmulatedService[];
  /** Added before every answer. */
  latencyMs?: number;
  /** Share of calls answered with `errorCode` (HTTP 200, Tencent envelope). */
  errorRate?: number;
  /** Default `InternalError`. */
  errorCode?: string;
  /** HTTP status for `httpStatusRate` (default 503). */
  httpStatus?: number;
  httpStatusRate?: number;
  /** Share of calls whose body is not JSON. */
  malformedRate?: number;
  /** Share of calls accepted and never answered (released on close()). */
  hangRate?: number;
  /** Every call answers RequestLimitExceeded. */
  rateLimitStorm?: boolean;
}

export interface ServiceCallStats {
  total: number;
  byAction: Record<string, number>;
}

export interface CallLogEntry {
  at: number;
  service: EmulatedService;
  action: string;
  /** The Error.Code answered, or null on success. */
  error: string | null;
  ms: number;
}

export interface EmulatorStats {
  /** Calls that passed authentication and reached an API (including ones then refused by rate limit/faults). */
  calls: Record<EmulatedService, ServiceCallStats>;
  rateLimited: Record<EmulatedService, number>;
  /** Maximum number of accepted calls within any sliding 1-second window. */
  maxPerSecond: Record<EmulatedService, number>;
  authFailures: number;
  /** The most recent calls, newest last (at most 200). */
  log: CallLogEntry[];
}

export interface EmulatorHandle {
  url: string;
  port: number;
  secretId: string;
  secretKey: string;
  close(): Promise<void>;
  setFaults(f: FaultConfig | null): void;
  stats(): EmulatorStats;
  resetStats(): void;
}
