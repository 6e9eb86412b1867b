import "server-only";
import Redis from "ioredis";

/*
 * One Redis connection per server process, tuned to fail fast: with the offline queue off and no per-command
 * retries, a dead Redis makes commands reject at once (or after COMMAND_TIMEOUT_MS) instead of piling up
 * behind viewers. ioredis keeps reconnecting in the background (every RECONNECT_MS); `isReady()` says
 * whether shared mode can be used right now. Status changes are reported through `onChange` exactly once
 * per transition, so a lost Redis is logged once and its return once.
 */

const CONNECT_TIMEOUT_MS = 1_000;
const COMMAND_TIMEOUT_MS = 1_000;
const RECONNECT_MS = 500;

export interface RedisLink {
  client: Redis;
  isReady(): boolean;
  /** Resolves once the first connection attempt has succeeded or failed (at most CONNECT_TIMEOUT_MS + a bit). */
  settled: Promise<void>;
  close(): Promise<void>;
}

export function connectRedis(url: string, onChange: (ready: boolean, reason?: string) => void): RedisLink {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: () => RECONNECT_MS,
    // Reconnecting is ours to decide (retryStrategy); never replay commands a viewer has already given up on.
    autoResendUnfulfilledCommands: false,
  });
  let ready = false;
  let lastError: string | undefined;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
    setTimeout(resolve, CONNECT_TIMEOUT_MS + 200).unref?.();
  });
  const set = (next: boolean) => {
    settle();
    if (next === ready) return;
    ready = next;
    onChange(next, next ? undefined : lastError ?? "connection closed");
  };
  client.on("ready", () => set(true));
  // ioredis emits "error" for every failed reconnect; a listener is required, the transition is logged by set().
  client.on("error", (e: Error) => {
    lastError = e.message;
    set(false);
  });
  client.on("close", () => set(false));
  client.on("end", () => set(false));
  return {
    client,
    isReady: () => ready && client.status === "ready",
    settled,
    close: async () => {
      client.removeAllListeners();
      client.on("error", () => undefined);
      client.disconnect();
    },
  };
}
