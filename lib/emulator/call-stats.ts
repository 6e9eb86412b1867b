import { CallWindow } from "./call-window";
import type { CallLogEntry, EmulatedService, EmulatorStats } from "./types";

const LOG_SIZE = 200;

// What reached the emulated APIs: tests use it to prove the proxy coalesces, stays under the limits and never
// sends an invalid request upstream.
export class CallStats {
  private calls = fresh();
  private rateLimited = { mps: 0, wedata: 0 };
  private authFailures = 0;
  private log: CallLogEntry[] = [];
  readonly accepted = { mps: new CallWindow(), wedata: new CallWindow() };

  recordCall(service: EmulatedService, action: string): void {
    const s = this.calls[service];
    s.total++;
    s.byAction[action] = (s.byAction[action] ?? 0) + 1;
  }
  recordRateLimited(service: EmulatedService): void {
    this.rateLimited[service]++;
  }
  recordAuthFailure(): void {
    this.authFailures++;
  }
  recordAnswer(entry: CallLogEntry): void {
    this.log.push(entry);
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }

  snapshot(): EmulatorStats {
    return structuredClone({
      calls: this.calls,
      rateLimited: this.rateLimited,
      maxPerSecond: { mps: this.accepted.mps.max, wedata: this.accepted.wedata.max },
      authFailures: this.authFailures,
      log: this.log,
    });
  }

  reset(): void {
    this.calls = fresh();
    this.rateLimited = { mps: 0, wedata: 0 };
    this.authFailures = 0;
    this.log = [];
    this.accepted.mps.reset();
    this.accepted.wedata.reset();
  }
}

function fresh(): EmulatorStats["calls"] {
  return { mps: { total: 0, byAction: {} }, wedata: { total: 0, byAction: {} } };
}
