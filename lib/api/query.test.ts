import { describe, expect, it } from "vitest";
import { ApiError } from "./envelope";
import { describeTasksQuery, mpsTaskIdParam } from "./mps-params";
import { parsePathParam, parseQuery, type QuerySpec } from "./query";
import {
  getTaskInstanceQuery,
  instanceKeyParam,
  listExecutionsQuery,
  listTaskInstancesQuery,
  relatedInstancesQuery,
  taskInstanceLogQuery,
} from "./wedata-params";

// Every parameter of every route: a good value is forwarded with its documented JSON type, a bad one is a
// 400 InvalidParameterValue naming it, a missing required one a 400 MissingParameter, a stranger a 400
// UnknownParameter.

function fail(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

const PID = "1460947878944567296";

type Case = { good: Array<[string, unknown]>; bad: string[] };

const WEDATA_TIME: Case = {
  good: [["2025-07-15 10:00:00", "2025-07-15 10:00:00"]],
  bad: ["2025-07-15T10:00:00", "2025-13-01 00:00:00", "2025-02-30 10:00:00", "2025-07-15 24:00:00", "yesterday"],
};
const PAGE_NUMBER: Case = { good: [["1", 1], ["250", 250]], bad: ["0", "-1", "1.5", "x", "1e3", "99999999999"] };
const PAGE_SIZE_100: Case = { good: [["1", 1], ["100", 100]], bad: ["0", "101", "ten", " 5"] };
const TIME_ZONE: Case = {
  good: [["UTC+8", "UTC+8"], ["UTC-5:30", "UTC-5:30"], ["UTC", "UTC"], ["UTC 6", "UTC+6"]],
  bad: ["Asia/Shanghai", "UTC+15", "utc+8", "+8", "UTC  8", "UTC -5"],
};
const PROJECT_ID: Case = { good: [[PID, PID], ["12345678901234567890", "12345678901234567890"]], bad: ["abc", "-1", "1.5", "1 2"] };

const CASES: Record<string, { spec: QuerySpec; base: Record<string, string>; params: Record<string, Case> }> = {
  DescribeTasks: {
    spec: describeTasksQuery,
    base: { Status: "FINISH" },
    params: {
      Status: { good: [["WAITING", "WAITING"], ["PROCESSING", "PROCESSING"], ["FINISH", "FINISH"]], bad: ["finish", "DONE"] },
      SubTaskHasFailed: { good: [["true", true], ["false", false]], bad: ["1", "yes", "TRUE"] },
      Limit: { good: [["1", 1], ["100", 100], ["5", 5]], bad: ["0", "101", "abc", "2.5", "-3"] },
      ScrollToken: { good: [["24022-WorkflowTask-99f82fb306909", "24022-WorkflowTask-99f82fb306909"]], bad: ["x".repeat(201)] },
      StartTime: { good: [["2021-02-03T04:05:06Z", "2021-02-03T04:05:06Z"], ["2021-02-03T12:05:06+08:00", "2021-02-03T12:05:06+08:00"]], bad: ["2021-02-03", "2021-02-03 04:05:06", "now"] },
      EndTime: { good: [["2021-02-03T04:05:06.123Z", "2021-02-03T04:05:06.123Z"]], bad: ["2021-02-30T04:05:06Z", "0"] },
    },
  },
  ListTaskInstances: {
    spec: listTaskInstancesQuery,
    base: { ProjectId: PID },
    params: {
      ProjectId: PROJECT_ID,
      PageNumber: PAGE_NUMBER,
      PageSize: PAGE_SIZE_100,
      Keyword: { good: [["数据同步,20250714200130106", "数据同步,20250714200130106"]], bad: ["k".repeat(501)] },
      TimeZone: TIME_ZONE,
      InstanceType: { good: [["0", 0], ["1", 1], ["2", 2]], bad: ["3", "-1", "periodic"] },
      InstanceState: { good: [["FAILED_RETRY", "FAILED_RETRY"], ["COMPLETED", "COMPLETED"], ["WAIT_EVENT", "WAIT_EVENT"]], bad: ["COMPLETE", "failed"] },
      TaskTypeId: { good: [["35", 35]], bad: ["Shell", "-1", "3.5"] },
      CycleType: { good: [["DAY_CYCLE", "DAY_CYCLE"], ["CRONTAB_CYCLE", "CRONTAB_CYCLE"]], bad: ["DAILY", "day_cycle"] },
      OwnerUin: { good: [["100028439226", "100028439226"]], bad: ["u".repeat(201)] },
      FolderId: { good: [["f-2f1e", "f-2f1e"]], bad: ["a b", "x/y"] },
      WorkflowId: { good: [["wf_123", "wf_123"]], bad: ["<script>"] },
      ExecutorGroupId: { good: [["20230620_124527_11", "20230620_124527_11"]], bad: ["a;b"] },
      ScheduleTimeFrom: WEDATA_TIME,
      ScheduleTimeTo: WEDATA_TIME,
      StartTimeFrom: WEDATA_TIME,
      StartTimeTo: WEDATA_TIME,
      LastUpdateTimeFrom: WEDATA_TIME,
      LastUpdateTimeTo: WEDATA_TIME,
      SortColumn: { good: [["COST_TIME", "COST_TIME"], ["SCHEDULE_DATE", "SCHEDULE_DATE"]], bad: ["CostTime"] },
      SortType: { good: [["ASC", "ASC"], ["DESC", "DESC"]], bad: ["asc", "UP"] },
    },
  },
  GetTaskInstance: { spec: getTaskInstanceQuery, base: { ProjectId: PID }, params: { ProjectId: PROJECT_ID, TimeZone: TIME_ZONE } },
  ListTaskInstanceExecutions: {
    spec: listExecutionsQuery,
    base: { ProjectId: PID },
    params: { ProjectId: PROJECT_ID, TimeZone: TIME_ZONE, PageNumber: PAGE_NUMBER, PageSize: { good: [["200", 200], ["1", 1]], bad: ["201", "0"] } },
  },
  GetTaskInstanceLog: {
    spec: taskInstanceLogQuery,
    base: { ProjectId: PID },
    params: {
      ProjectId: PROJECT_ID,
      LifeRoundNum: { good: [["0", 0], ["3", 3]], bad: ["-1", "latest"] },
      LogLevel: { good: [["All", "All"], ["Error", "Error"]], bad: ["ERROR", "Fatal"] },
      NextCursor: { good: [["eyJvZmZzZXQiOjEwMH0=", "eyJvZmZzZXQiOjEwMH0="]], bad: ["c".repeat(2001)] },
    },
  },
  ListUpstreamTaskInstances: {
    spec: relatedInstancesQuery,
    base: { ProjectId: PID },
    params: { ProjectId: PROJECT_ID, TimeZone: TIME_ZONE, PageNumber: PAGE_NUMBER, PageSize: PAGE_SIZE_100 },
  },
};

describe.each(Object.entries(CASES))("%s query", (_name, { spec, base, params }) => {
  it("lists a case for every parameter of the spec", () => {
    expect(Object.keys(params).sort()).toEqual(Object.keys(spec).sort());
  });

  for (const [param, { good, bad }] of Object.entries(params)) {
    it.each(good)(`${param}=%s is forwarded as %j`, (raw, expected) => {
      const out = parseQuery(new URLSearchParams({ ...base, [param]: raw }), spec) as Record<string, unknown>;
      expect(out[param]).toStrictEqual(expected);
      // Nothing but the given parameters is forwarded.
      expect(Object.keys(out).sort()).toEqual(Object.keys({ ...base, [param]: raw }).sort());
    });
    it.each(bad)(`${param}=%s is a 400 InvalidParameterValue naming ${param}`, (raw) => {
      const e = fail(() => parseQuery(new URLSearchParams({ ...base, [param]: raw }), spec));
      expect(e.status).toBe(400);
      expect(e.code).toBe("InvalidParameterValue");
      expect(e.message).toContain(param);
    });
  }

  it("a missing required parameter is a 400 MissingParameter naming it", () => {
    for (const [param, p] of Object.entries(spec)) {
      if (!p.required) continue;
      const rest = Object.fromEntries(Object.entries(base).filter(([k]) => k !== param));
      const e = fail(() => parseQuery(new URLSearchParams(rest), spec));
      expect([e.status, e.code]).toEqual([400, "MissingParameter"]);
      expect(e.message).toContain(param);
      const empty = fail(() => parseQuery(new URLSearchParams({ ...rest, [param]: "" }), spec));
      expect(empty.code).toBe("MissingParameter");
    }
  });

  it("an unknown parameter (or a wrong-case name) is a 400 UnknownParameter naming it", () => {
    for (const stranger of ["Action", "Version", "Region", "X", Object.keys(spec)[0]!.toLowerCase()]) {
      const e = fail(() => parseQuery(new URLSearchParams({ ...base, [stranger]: "1" }), spec));
      expect([e.status, e.code]).toEqual([400, "UnknownParameter"]);
      expect(e.message).toContain(stranger);
    }
  });

  it("a parameter given twice is a 400 InvalidParameterValue", () => {
    const [first] = Object.entries(base)[0]!;
    const q = new URLSearchParams(base);
    q.append(first, base[first]!);
    expect(fail(() => parseQuery(q, spec)).code).toBe("InvalidParameterValue");
  });

  it("empty optional values count as absent", () => {
    const optional = Object.keys(spec).filter((k) => !spec[k]!.required);
    const q = new URLSearchParams(base);
    for (const k of optional) q.set(k, "");
    expect(parseQuery(q, spec)).toEqual(Object.fromEntries(Object.entries(base).map(([k, v]) => [k, (params[k]!.good.find(([r]) => r === v) ?? [v, v])[1]])));
  });
});

describe("path parameters", () => {
  it("TaskId", () => {
    expect(parsePathParam("TaskId", "24022-WorkflowTask-99f82fb306909", mpsTaskIdParam)).toBe("24022-WorkflowTask-99f82fb306909");
    for (const bad of ["a/b", "a b", "x".repeat(129), "任务"]) expect(fail(() => parsePathParam("TaskId", bad, mpsTaskIdParam)).code).toBe("InvalidParameterValue");
    expect(fail(() => parsePathParam("TaskId", "", mpsTaskIdParam)).code).toBe("MissingParameter");
  });
  it("InstanceKey", () => {
    for (const good of ["20250714200130106_2025-07-15 10:00:00", "20250714200130106_20250715100000"]) {
      expect(parsePathParam("InstanceKey", good, instanceKeyParam)).toBe(good);
    }
    for (const bad of ["a/b", "../x", "k\n1", "a  b", "x".repeat(257)]) {
      const e = fail(() => parsePathParam("InstanceKey", bad, instanceKeyParam));
      expect([e.code, e.message.includes("InstanceKey")]).toEqual(["InvalidParameterValue", true]);
    }
  });
});
