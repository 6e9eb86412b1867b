import { describe, expect, it } from "vitest";
import { isRetryableCode, statusForTencentCode } from "./errors";

describe("Tencent error codes", () => {
  it.each([
    ["RequestLimitExceeded", true],
    ["RequestLimitExceeded.UinLimitExceeded", true],
    ["RequestLimitExceeded.GlobalRegionUinLimitExceeded", true],
    ["InternalError", true],
    ["InternalError.DbError", true],
    ["ServiceUnavailable", true],
    ["InvalidParameterValue", false],
    ["InvalidParameterValue.Limit", false],
    ["MissingParameter", false],
    ["ResourceNotFound", false],
    ["AuthFailure.SignatureFailure", false],
    ["FailedOperation.InvalidMpsUser", false],
    ["RequestLimitExceededX", false],
  ])("%s retryable: %s", (code, retryable) => {
    expect(isRetryableCode(code)).toBe(retryable);
  });

  it.each([
    ["InvalidParameterValue.TaskId", 400],
    ["InvalidParameter", 400],
    ["MissingParameter", 400],
    ["UnknownParameter", 400],
    ["ResourceNotFound", 404],
    ["UnauthorizedOperation", 403],
    ["AuthFailure.UnauthorizedOperation", 502],
    ["AuthFailure.SignatureFailure", 502],
    ["AuthFailure.SecretIdNotFound", 502],
    ["RequestLimitExceeded.IPLimitExceeded", 429],
    ["FailedOperation.InvalidMpsUser", 409],
    ["InternalError", 502],
    ["ServiceUnavailable", 503],
    ["InvalidAction", 502],
    ["SomethingNew", 502],
  ])("%s → HTTP %i", (code, status) => {
    expect(statusForTencentCode(code)).toBe(status);
  });
});
