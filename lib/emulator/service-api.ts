// The contract between the HTTP layer and the emulated actions.

export interface ActionContext {
  /** Server time (ms) of this call, from the injectable clock. */
  now: number;
  /** True for GET: values arrive as strings. */
  fromQuery: boolean;
  region: string | undefined;
}

export type ActionHandler = (params: Record<string, unknown>, ctx: ActionContext) => Record<string, unknown>;

export interface ServiceApi {
  version: string;
  /** Tencent's documented per-second limit, per credential. */
  ratePerSecond: number;
  needsRegion: boolean;
  actions: Record<string, ActionHandler>;
}
