// A Tencent API error: answered as HTTP 200 with Response.Error, exactly as the real service does.

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const missing = (name: string) => new ApiError("MissingParameter", `The request is missing a required parameter \`${name}\`.`);
export const invalidType = (name: string, expected: string) =>
  new ApiError("InvalidParameter", `The parameter \`${name}\` must be of type ${expected}.`);
export const invalidValue = (name: string, detail: string, code = "InvalidParameterValue") =>
  new ApiError(code, `The value of parameter \`${name}\` is invalid: ${detail}.`);
export const notFound = (what: string) => new ApiError("ResourceNotFound", `The resource was not found: ${what}.`);
