// The one response of GET /api/wall. Each source answers on its own, so an MPS outage never blanks the
// WeData panels: the client keeps the last good `data` per source and names the failing one.

export type WallError = { Code: string; Message: string; RequestId?: string };

export type SourceResult<T> =
  | { ok: true; data: T; /** Epoch ms when the upstream was asked (conservative: data is at least this fresh). */ fetchedAt: number }
  | { ok: false; error: WallError; fetchedAt: number };

export type WallFailure = {
  /** Stable identity across refreshes (MPS TaskId, WeData InstanceKey), used to highlight new failures. */
  id: string;
  source: "mps" | "wedata";
  /** What people read: task id / task name. */
  title: string;
  /** Secondary detail: task type, project, state. */
  detail: string;
  /** Epoch ms of the failure (finish / end time); null when unknown. */
  at: number | null;
};

export type WallStuck = {
  id: string;
  source: "mps" | "wedata";
  title: string;
  detail: string;
  kind: "waiting" | "running";
  /** Epoch ms since when it has been waiting or running. */
  since: number | null;
};

export type TimelineBucket = {
  /** Epoch ms of the bucket start (tasks created in [start, end)). */
  start: number;
  end: number;
  waiting: number;
  processing: number;
  finished: number;
  failed: number;
};

export type MpsWall = {
  counts: { WAITING: number; PROCESSING: number; FINISH: number; failed: number; failedLastHour: number };
  failures: WallFailure[];
  failedTotal: number;
  stuck: WallStuck[];
  stuckWaiting: number;
  stuckRunning: number;
  timeline: TimelineBucket[];
};

export type WedataProjectWall = {
  projectId: string;
  /** Count per InstanceState. */
  counts: Record<string, number>;
  failures: WallFailure[];
  stuck: WallStuck[];
  stuckWaiting: number;
  stuckRunning: number;
};

export type WedataWall = { projects: WedataProjectWall[] };

export type WallResponse = {
  generatedAt: number;
  /** The WeData projects gathered (configured ones, narrowed by `projects=`). */
  projects: string[];
  notices: string[];
  mps: SourceResult<MpsWall>;
  wedata: SourceResult<WedataWall>;
};

export type WallSource = "mps" | "wedata";
export const SOURCE_LABEL: Record<WallSource, string> = { mps: "MPS", wedata: "WeData" };
