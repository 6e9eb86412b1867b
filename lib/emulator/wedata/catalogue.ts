import { Rng, rngFor } from "../prng";
import { makeSchedule, runsPerDay, type Schedule } from "./schedule";

// The WeData projects and their task catalogue (folders, workflows, tasks, owners, resource groups), drawn
// from the seed alone. Tasks in a workflow share its schedule and depend on earlier tasks of the same workflow,
// which is what the upstream/downstream actions walk.

export const EMULATOR_PROJECT_IDS = ["1460947878944567296", "1460947878944567297"] as const;
/** Unfiltered TotalCount of each project at start, at scale 1 (the first is the documentation's own figure). */
export const PROJECT_INSTANCES_AT_START = [176_022, 41_357] as const;

export type CycleType = "ONEOFF_CYCLE" | "YEAR_CYCLE" | "MONTH_CYCLE" | "WEEK_CYCLE" | "DAY_CYCLE" | "HOUR_CYCLE" | "MINUTE_CYCLE" | "CRONTAB_CYCLE";
export const CYCLE_TYPES: readonly CycleType[] = ["ONEOFF_CYCLE", "YEAR_CYCLE", "MONTH_CYCLE", "WEEK_CYCLE", "DAY_CYCLE", "HOUR_CYCLE", "MINUTE_CYCLE", "CRONTAB_CYCLE"];

/** TaskTypeId → TaskType name. 35 = Shell is documented; the other ids are WeData's usual ones as best known. */
export const TASK_TYPES: ReadonlyArray<readonly [number, string, number]> = [
  [35, "Shell", 22],
  [34, "HiveSQL", 20],
  [36, "SparkSQL", 18],
  [26, "OfflineSynchronization", 16],
  [30, "Python", 10],
  [32, "DLC SQL", 8],
  [39, "Spark", 4],
  [92, "MapReduce", 2],
];

export interface Workflow {
  id: string;
  name: string;
  folder: number;
  schedule: Schedule;
  tasks: number[];
}

export interface Task {
  index: number;
  taskId: string;
  name: string;
  searchText: string;
  workflow: number;
  folder: number;
  owners: number[];
  group: number;
  typeId: number;
  typeName: string;
  cycle: CycleType;
  tryLimit: number;
  retryGapMs: number;
  medianRunMs: number;
  failRate: number;
  eventTriggered: boolean;
  upstream: number[];
  downstream: number[];
}

export interface Catalogue {
  projectId: string;
  folders: Array<{ id: string; name: string }>;
  owners: string[];
  groups: Array<{ id: string; name: string }>;
  workflows: Workflow[];
  tasks: Task[];
  taskIndexById: Map<string, number>;
}

const FOLDERS = ["默认文件夹", "数仓ODS层", "数仓DWD层", "数仓DWS层", "数仓ADS层", "实时指标", "数据同步", "报表任务", "算法特征", "数据质量", "临时分析", "归档任务"];
const GROUPS = ["默认调度资源组", "生产调度资源组", "离线计算资源组", "qfh_test", "集成资源组"];
const SUBJECTS = ["订单", "用户", "广告", "支付", "库存", "物流", "会员", "商品", "评论", "直播", "营销", "财务", "渠道", "门店", "客服"];
const ACTIONS = ["明细同步", "日汇总", "清洗", "增量抽取", "指标计算", "数据质量校验", "宽表构建", "归档", "对账", "画像更新", "全量导出", "去重合并"];
const TABLES = ["order_detail", "user_profile", "ad_click", "pay_flow", "stock_snapshot", "logistics_track", "member_level", "sku_info", "comment_raw", "live_room", "campaign", "ledger"];
const LAYERS = ["ods", "dwd", "dws", "ads", "dim"];

function digits(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function compact(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, "");
}

/**
 * Builds project `p`'s catalogue, sized so that about `targetPerDay` instances run each day.
 * `anchorDay` (Beijing day index of the start) places one-off runs around the start.
 */
export function buildCatalogue(seed: number, p: number, targetPerDay: number, anchorDay: number): Catalogue {
  const rng = rngFor(seed, 0xca7, p);
  const projectId = EMULATOR_PROJECT_IDS[p] as string;
  const folders = FOLDERS.map((name) => ({ id: rng.uuid(), name }));
  const owners = Array.from({ length: 14 }, () => `1000${digits(rng, 8)}`);
  const groups = GROUPS.slice(0, p === 0 ? 5 : 3).map((name) => ({ id: `2024${digits(rng, 16)}`, name }));
  const workflows: Workflow[] = [];
  const tasks: Task[] = [];
  const taskIndexById = new Map<string, number>();
  let perDay = 0;
  while (perDay < targetPerDay) {
    const w = workflows.length;
    const schedule = makeSchedule(rng, anchorDay);
    const subject = rng.pick(SUBJECTS);
    const folder = rng.int(0, folders.length - 1);
    const size = schedule.cycle === "MINUTE_CYCLE" ? rng.int(1, 2) : schedule.cycle === "HOUR_CYCLE" ? rng.int(1, 4) : rng.int(2, 14);
    const workflow: Workflow = { id: rng.uuid(), name: `${subject}${rng.pick(["数仓", "报表", "同步", "指标", "质量"])}${schedule.cycle === "HOUR_CYCLE" || schedule.cycle === "MINUTE_CYCLE" ? "准实时" : "日"}调度_${w + 1}`, folder, schedule, tasks: [] };
    const owner = rng.int(0, owners.length - 1);
    const group = rng.int(0, groups.length - 1);
    for (let k = 0; k < size; k++) {
      const index = tasks.length;
      let taskId: string;
      do taskId = compact(Date.UTC(2023, 0, 1) + rng.int(0, 1000 * 86_400) * 1000) + digits(rng, 3);
      while (taskIndexById.has(taskId));
      const [typeId, typeName] = rng.weighted(TASK_TYPES.map(([id, name, weight]) => [[id, name] as const, weight] as const));
      const table = `${rng.pick(LAYERS)}_${rng.pick(TABLES)}`;
      const name = rng.chance(0.7) ? `${subject}${rng.pick(ACTIONS)}_${table}` : `${table}_${rng.pick(ACTIONS)}`;
      const upstream = k === 0 ? [] : Array.from(new Set([workflow.tasks[rng.int(0, k - 1)] as number, ...(rng.chance(0.3) ? [workflow.tasks[rng.int(0, k - 1)] as number] : [])]));
      const task: Task = {
        index,
        taskId,
        name,
        searchText: `${name}\u0000${taskId}`.toLowerCase(),
        workflow: w,
        folder,
        owners: rng.chance(0.2) ? [owner, rng.int(0, owners.length - 1)].filter((v, i, a) => a.indexOf(v) === i) : [owner],
        group: rng.chance(0.85) ? group : rng.int(0, groups.length - 1),
        typeId,
        typeName,
        cycle: schedule.cycle,
        tryLimit: rng.pick([1, 3, 3, 5]),
        retryGapMs: rng.pick([120_000, 300_000, 600_000, 900_000]),
        medianRunMs: Math.round(rng.logNormal(typeId === 26 ? 900_000 : 480_000, 0.9)),
        failRate: rng.chance(0.1) ? 0.15 : rng.next() * 0.03,
        eventTriggered: rng.chance(0.03),
        upstream,
        downstream: [],
      };
      for (const u of upstream) tasks[u]?.downstream.push(index);
      tasks.push(task);
      workflow.tasks.push(index);
      taskIndexById.set(taskId, index);
    }
    workflows.push(workflow);
    perDay += runsPerDay(schedule) * size;
  }
  return { projectId, folders, owners, groups, workflows, tasks, taskIndexById };
}
