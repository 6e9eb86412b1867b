import type { IncomingMessage, ServerResponse } from "node:http";
import { parseFaultConfig } from "./faults";
import type { ServerState } from "./http-server";

// /__emulator/*: health, fault switches and call statistics for tests and benchmarks. Loopback callers only,
// so a demo server that is (wrongly) exposed cannot be switched into failure by a stranger.

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

export function handleControl(req: IncomingMessage, res: ServerResponse, path: string, body: string, state: ServerState): void {
  if (!isLoopback(req.socket.remoteAddress)) return json(res, 403, { error: "control endpoint is loopback-only" });
  const route = `${req.method} ${path}`;
  switch (route) {
    case "GET /__emulator/health":
      return json(res, 200, { ok: true });
    case "GET /__emulator/faults":
      return json(res, 200, state.faults ?? {});
    case "POST /__emulator/faults": {
      let input: unknown;
      try {
        input = JSON.parse(body || "{}");
      } catch {
        return json(res, 400, { error: "body is not JSON" });
      }
      const parsed = parseFaultConfig(input);
      if (typeof parsed === "string") return json(res, 400, { error: parsed });
      state.faults = parsed;
      return json(res, 200, { ok: true, faults: parsed });
    }
    case "DELETE /__emulator/faults":
      state.faults = null;
      return json(res, 200, { ok: true });
    case "GET /__emulator/stats":
      return json(res, 200, state.stats.snapshot());
    case "POST /__emulator/stats/reset":
      state.stats.reset();
      return json(res, 200, { ok: true });
    default:
      return json(res, 404, { error: `no control route ${route}` });
  }
}

function json(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
