import { ApiError, invalidType, missing } from "./api-error";

// Parameter checking the way Tencent's gateway does it: unknown names are refused (UnknownParameter), wrong
// JSON types are InvalidParameter, absent required ones MissingParameter. Range checks stay in each action,
// because their codes differ per action (e.g. MPS InvalidParameterValue.Limit).

export type ParamKind = "string" | "integer" | "boolean";

export interface ParamSpec {
  kind: ParamKind;
  required?: boolean;
  /** Also accept an integer written as a decimal string (the MPS docs' own example sends Limit as "5"). */
  numericString?: boolean;
}

export type ParamValues = Record<string, string | number | boolean | undefined>;

/**
 * Checks `params` against `spec`. `fromQuery` marks a GET request, whose values are all strings, so integers and
 * booleans written as text are accepted there.
 */
export function readParams(params: Record<string, unknown>, spec: Record<string, ParamSpec>, fromQuery = false): ParamValues {
  for (const name of Object.keys(params)) {
    if (!(name in spec)) throw new ApiError("UnknownParameter", `The parameter \`${name}\` is not recognized.`);
  }
  const out: ParamValues = {};
  for (const [name, p] of Object.entries(spec)) {
    const raw = params[name];
    if (raw === undefined || raw === null) {
      if (p.required) throw missing(name);
      continue;
    }
    out[name] = coerce(name, raw, p, fromQuery);
  }
  return out;
}

function coerce(name: string, raw: unknown, p: ParamSpec, fromQuery: boolean): string | number | boolean {
  switch (p.kind) {
    case "string":
      if (typeof raw !== "string") throw invalidType(name, "String");
      return raw;
    case "integer":
      if (typeof raw === "number" && Number.isInteger(raw)) return raw;
      if (typeof raw === "string" && (p.numericString || fromQuery) && /^-?\d{1,15}$/.test(raw.trim())) return Number(raw.trim());
      throw invalidType(name, "Integer");
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (fromQuery && (raw === "true" || raw === "false")) return raw === "true";
      throw invalidType(name, "Boolean");
  }
}

export const str = (v: ParamValues, name: string): string | undefined => v[name] as string | undefined;
export const int = (v: ParamValues, name: string): number | undefined => v[name] as number | undefined;
export const bool = (v: ParamValues, name: string): boolean | undefined => v[name] as boolean | undefined;
