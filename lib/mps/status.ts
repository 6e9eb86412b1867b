import type { MpsTaskStatus } from "./wire";

// The status tabs of the MPS page. DescribeTasks requires one Status per call, so "all" is three streams merged,
// and "failed" is FINISH narrowed by SubTaskHasFailed=true (failure is only a filter, never a field).

export const STATUS_TABS = ["all", "waiting", "processing", "finished", "failed"] as const;
export type StatusTab = (typeof STATUS_TABS)[number];

export const STATUS_TAB_LABELS: Record<StatusTab, string> = {
  all: "All",
  waiting: "Waiting",
  processing: "Processing",
  finished: "Finished",
  failed: "Finished with failures",
};

/** SubTaskHasFailed as a three-way filter; "any" sends nothing. */
export const FAILED_FILTERS = ["any", "yes", "no"] as const;
export type FailedFilter = (typeof FAILED_FILTERS)[number];

export type StreamQuery = { Status: MpsTaskStatus; SubTaskHasFailed?: boolean };

/** The upstream streams a tab reads, in the order they are merged. */
export function streamsFor(tab: StatusTab, failed: FailedFilter): StreamQuery[] {
  const flag = failed === "yes" ? true : failed === "no" ? false : undefined;
  const withFlag = (Status: MpsTaskStatus): StreamQuery => (flag === undefined ? { Status } : { Status, SubTaskHasFailed: flag });
  switch (tab) {
    case "all":
      return [withFlag("WAITING"), withFlag("PROCESSING"), withFlag("FINISH")];
    case "waiting":
      return [withFlag("WAITING")];
    case "processing":
      return [withFlag("PROCESSING")];
    case "finished":
      return [withFlag("FINISH")];
    case "failed":
      return [{ Status: "FINISH", SubTaskHasFailed: true }];
  }
}

/** The row's status as the page knows it: from the stream it came from. */
export type RowStatus = MpsTaskStatus | "FINISH_FAILED";

export function rowStatusOf(stream: StreamQuery): RowStatus {
  return stream.Status === "FINISH" && stream.SubTaskHasFailed === true ? "FINISH_FAILED" : stream.Status;
}
