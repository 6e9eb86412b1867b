import type { DescribeTaskDetailResponse } from "./wire";

// DescribeTaskDetail carries one populated member (WorkflowTask, EditMediaTask, …) whose sub-task results sit
// in several `…ResultSet` arrays, each item naming its kind in `Type` with the result in a `…Task` member.
// This flattens that into what the drawer lists, without knowing every result type in advance (Tencent adds them).

export const DETAIL_MEMBERS = ["WorkflowTask", "EditMediaTask", "LiveStreamProcessTask", "ScheduleTask", "LiveScheduleTask", "ExtractBlindWatermarkTask"] as const;

export type SubTaskView = {
  group: string;
  type: string;
  status: string;
  progress: number | null;
  errCodeExt: string;
  message: string;
  output: unknown;
};

export type TaskDetailView = {
  member: string | null;
  innerStatus: string | null;
  errCode: number | null;
  message: string;
  input: { label: string; value: string } | null;
  subTasks: SubTaskView[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" ? v : null);

function describeInput(info: unknown): { label: string; value: string } | null {
  if (!isObj(info)) return null;
  const cos = info.CosInputInfo;
  if (isObj(cos)) return { label: "COS", value: `${str(cos.Bucket)} (${str(cos.Region)}) ${str(cos.Object)}` };
  const url = info.UrlInputInfo;
  if (isObj(url)) return { label: "URL", value: str(url.Url) };
  const s3 = info.S3InputInfo;
  if (isObj(s3)) return { label: "AWS S3", value: `${str(s3.S3Bucket)} ${str(s3.S3Object)}` };
  return { label: str(info.Type) || "Input", value: JSON.stringify(info) };
}

function subTaskOf(group: string, item: Obj): SubTaskView | null {
  const type = str(item.Type);
  const result = Object.entries(item).find(([k, v]) => k !== "Type" && isObj(v) && "Status" in v)?.[1] as Obj | undefined;
  if (!result) return null;
  return {
    group,
    type: type || group,
    status: str(result.Status),
    progress: num(result.Progress),
    errCodeExt: str(result.ErrCodeExt),
    message: str(result.Message),
    output: result.Output ?? null,
  };
}

export function taskDetailView(d: DescribeTaskDetailResponse): TaskDetailView {
  const raw = d as unknown as Obj;
  const member = DETAIL_MEMBERS.find((m) => isObj(raw[m])) ?? null;
  const inner = member ? (raw[member] as Obj) : {};
  const subTasks: SubTaskView[] = [];
  for (const [key, value] of Object.entries(inner)) {
    if (!key.endsWith("ResultSet") || !Array.isArray(value)) continue;
    const group = key.replace(/ResultSet$/, "");
    for (const item of value) if (isObj(item)) subTasks.push(...[subTaskOf(group, item)].filter((s): s is SubTaskView => s !== null));
  }
  // An edit task is its own single step: show it as one sub-task so its status and error are visible.
  if (subTasks.length === 0 && member && "Progress" in inner) {
    subTasks.push({
      group: member,
      type: member.replace(/Task$/, ""),
      status: str(inner.Status),
      progress: num(inner.Progress),
      errCodeExt: num(inner.ErrCode) ? String(inner.ErrCode) : "",
      message: str(inner.Message),
      output: inner.Output ?? null,
    });
  }
  let input = describeInput(inner.InputInfo);
  const fileSet = isObj(inner.Input) && Array.isArray(inner.Input.FileInfoSet) ? inner.Input.FileInfoSet : null;
  if (!input && fileSet && isObj(fileSet[0])) input = describeInput(fileSet[0].InputInfo);
  if (!input && typeof inner.Url === "string") input = { label: "Stream", value: inner.Url };
  return {
    member,
    innerStatus: str(inner.Status) || null,
    errCode: num(inner.ErrCode),
    message: str(inner.Message),
    input,
    subTasks,
  };
}
