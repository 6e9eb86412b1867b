import { Rng } from "../prng";
import { isoOrZero, type MpsTask, statusAt } from "./mps-task";

// DescribeTaskDetail's full structure, regenerated from the task's seed on every call. Sub-tasks run one
// after another across [BeginProcessTime, FinishTime], so a task in progress shows finished, running and not
// yet started sub-tasks; a failing task has exactly one FAIL sub-task with Tencent-style codes.

const FAILURES = [
  { ext: "SourceFileError.NoVideoMedia", code: 30010, message: "The source file has no video stream." },
  { ext: "InvalidInput", code: 30005, message: "Source file error: the media could not be demuxed." },
  { ext: "InternalError", code: 70000, message: "Internal error, please retry later." },
  { ext: "SourceFileError.FileNotFound", code: 30008, message: "The COS object does not exist or cannot be read." },
  { ext: "OutputStorageError.Forbidden", code: 60003, message: "No permission to write the output bucket." },
] as const;

const RESULT_MEMBER: Record<string, string> = {
  Transcode: "TranscodeTask",
  AnimatedGraphics: "AnimatedGraphicTask",
  SnapshotByTimeOffset: "SnapshotByTimeOffsetTask",
  SampleSnapshot: "SampleSnapshotTask",
  ImageSprites: "ImageSpriteTask",
  CoverBySnapshot: "CoverBySnapshotTask",
  AdaptiveDynamicStreaming: "AdaptiveDynamicStreamingTask",
};
const ALL_MEMBERS = Object.values(RESULT_MEMBER);
const DETAIL_MEMBERS = ["EditMediaTask", "WorkflowTask", "LiveStreamProcessTask", "ScheduleTask", "LiveScheduleTask", "ExtractBlindWatermarkTask"] as const;

interface SubState {
  status: "PROCESSING" | "SUCCESS" | "FAIL";
  progress: number;
  failure: (typeof FAILURES)[number] | null;
  finished: boolean;
}

function subStates(task: MpsTask, count: number, rng: Rng, now: number): SubState[] {
  const failing = task.failed ? rng.int(0, count - 1) : -1;
  const failure = rng.pick(FAILURES);
  const span = (task.finish - task.begin) / count;
  return Array.from({ length: count }, (_, i) => {
    const start = task.begin + i * span;
    const end = start + span;
    if (now >= end) {
      return i === failing
        ? { status: "FAIL", progress: 0, failure, finished: true }
        : { status: "SUCCESS", progress: 100, failure: null, finished: true };
    }
    const progress = now <= start ? 0 : Math.floor(((now - start) / span) * 100);
    return { status: "PROCESSING", progress, failure: null, finished: false };
  });
}

function outcome(s: SubState) {
  return {
    Status: s.status,
    ErrCodeExt: s.failure ? s.failure.ext : s.status === "SUCCESS" ? "SUCCESS" : "",
    ErrCode: s.failure ? s.failure.code : 0,
    Message: s.failure ? s.failure.message : s.status === "SUCCESS" ? "SUCCESS" : "",
  };
}

export function describeTaskDetail(task: MpsTask, now: number): Record<string, unknown> {
  const rng = new Rng(task.detailSeed);
  const status = statusAt(task, now);
  const bucket = rng.pick(["media-prod-1250000001", "ugc-upload-1250000002", "vod-archive-1250000003"]);
  const region = rng.pick(["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore"]);
  const object = `/input/${rng.pick(["live", "ugc", "course", "ads", "news"])}/${rng.hex(8)}.${rng.pick(["mp4", "mov", "flv", "mkv"])}`;
  const width = rng.pick([1920, 1280, 3840, 720]);
  const height = Math.round((width * 9) / 16);
  const duration = Math.round(rng.logNormal(180, 1.1) * 100) / 100;
  const bitrate = rng.int(1_500_000, 12_000_000);
  const metaData = {
    Size: Math.round((bitrate / 8) * duration),
    Container: "mov,mp4,m4a,3gp,3g2,mj2",
    Bitrate: bitrate,
    Height: height,
    Width: width,
    Duration: duration,
    Rotate: 0,
    VideoStreamSet: [{ Bitrate: bitrate - 128_000, Height: height, Width: width, Codec: "h264", Fps: rng.pick([25, 30, 60]), ColorPrimaries: "", ColorSpace: "", ColorTransfer: "", HdrType: "" }],
    AudioStreamSet: [{ Bitrate: 128_000, SamplingRate: 48_000, Codec: "aac", Channel: 2 }],
    VideoDuration: duration,
    AudioDuration: duration,
  };
  const subs = subStates(task, task.subTaskTypes.length, rng, now);
  const outputStorage = { Type: "COS", CosOutputStorage: { Bucket: bucket, Region: region }, S3OutputStorage: null };
  const mediaResults: unknown[] = [];
  const ai: Record<string, unknown[]> = { AiContentReviewResultSet: [], AiAnalysisResultSet: [], AiRecognitionResultSet: [] };
  task.subTaskTypes.forEach((type, i) => {
    const s = subs[i] as SubState;
    const member = RESULT_MEMBER[type];
    if (member) {
      const definition = type === "Transcode" ? rng.pick([100010, 100020, 100030, 100040]) : type === "AdaptiveDynamicStreaming" ? 12 : 10;
      const path = `/output/${task.taskId}/${type.toLowerCase()}_${definition}`;
      const result = {
        ...outcome(s),
        Input: { Definition: definition, OutputStorage: outputStorage, OutputObjectPath: path },
        Output: s.status === "SUCCESS" ? { OutputStorage: outputStorage, Path: `${path}.${type === "Transcode" ? "mp4" : type === "AdaptiveDynamicStreaming" ? "m3u8" : "jpg"}`, Definition: definition } : null,
        Progress: s.progress,
        BeginProcessTime: isoOrZero(task.begin, now),
        FinishTime: s.finished ? isoOrZero(task.finish, now) : "0000-00-00T00:00:00Z",
      };
      const item: Record<string, unknown> = { Type: type };
      for (const m of ALL_MEMBERS) item[m] = m === member ? result : null;
      mediaResults.push(item);
    } else if (type.startsWith("Ai")) {
      const set = `${type}ResultSet`;
      const kind = type === "AiContentReview" ? "Porn" : type === "AiAnalysis" ? "Classification" : "FaceRecognition";
      (ai[set] ??= []).push({ Type: kind, [`${kind}Task`]: { ...outcome(s), Input: { Definition: 10 }, Output: s.status === "SUCCESS" ? {} : null, Progress: s.progress } });
    }
  });
  const innerStatus = status === "FINISH" ? "FINISH" : "PROCESSING";
  const inputInfo = { Type: "COS", CosInputInfo: { Bucket: bucket, Region: region, Object: object }, UrlInputInfo: null, S3InputInfo: null };
  const member = memberFor(task);
  const inner =
    member === "WorkflowTask" || member === "ScheduleTask"
      ? {
          TaskId: task.taskId,
          Status: innerStatus,
          ErrCode: 0,
          Message: "",
          InputInfo: inputInfo,
          MetaData: metaData,
          MediaProcessResultSet: mediaResults,
          ...ai,
          AiQualityControlTaskResult: null,
        }
      : member === "EditMediaTask"
        ? {
            TaskId: task.taskId,
            Status: innerStatus,
            ErrCode: task.failed && status === "FINISH" ? 30005 : 0,
            Message: task.failed && status === "FINISH" ? "Source file error: the media could not be demuxed." : "",
            Input: { FileInfoSet: [{ InputInfo: inputInfo, StartTimeOffset: 0, EndTimeOffset: Math.min(duration, 60) }] },
            Output: status === "FINISH" && !task.failed ? { OutputStorage: outputStorage, Path: `/output/${task.taskId}/edit.mp4` } : null,
            MetaData: status === "FINISH" && !task.failed ? metaData : null,
            Progress: status === "FINISH" ? 100 : (subs[0]?.progress ?? 0),
          }
        : {
            TaskId: task.taskId,
            Status: innerStatus,
            ErrCode: 0,
            Message: "",
            Url: `rtmp://live.example.com/live/${rng.hex(10)}`,
            ...(member === "LiveScheduleTask" ? { LiveActivityResultSet: [] } : ai),
          };
  const response: Record<string, unknown> = {
    TaskType: task.type,
    Status: status,
    CreateTime: isoOrZero(task.create, now),
    BeginProcessTime: isoOrZero(task.begin, now),
    FinishTime: isoOrZero(task.finish, now),
  };
  for (const m of DETAIL_MEMBERS) response[m] = m === member ? inner : null;
  response.TaskNotifyConfig = { CmqModel: "", CmqRegion: "", TopicName: "", QueueName: "", NotifyMode: "Finish", NotifyType: "URL", NotifyUrl: "https://hooks.example.com/mps/callback" };
  response.TasksPriority = rng.pick([0, 0, 0, 5, -5, 10]);
  response.SessionId = "";
  response.SessionContext = "";
  response.ExtInfo = "";
  return response;
}

function memberFor(task: MpsTask): (typeof DETAIL_MEMBERS)[number] {
  switch (task.type) {
    case "LiveProcessTask":
      return "LiveStreamProcessTask";
    default:
      return task.type;
  }
}
