import { z } from "zod";
import { ApiError } from "./envelope";

/*
 * Query-string validation for the API routes (and page helpers' stats routes).
 *
 *   const spec = { Status: required(oneOf(MPS_TASK_STATUSES)), Limit: intParam(1, 100), ... } satisfies QuerySpec;
 *   const params = parseQuery(url.searchParams, spec);   // typed: { Status: "WAITING" | ...; Limit?: number }
 *
 * Throws ApiError 400 (the route wrapper answers it) with Code:
 *   UnknownParameter      a name the spec doesn't list (names are case-sensitive, as Tencent's are)
 *   MissingParameter      a required parameter absent or empty
 *   InvalidParameterValue a value of the wrong type/range/format, or a parameter given twice
 * The Message always names the parameter. An empty optional value (`?Keyword=`) counts as absent.
 * Builders: stringParam, idParam, intParam, boolParam, oneOf, isoTimeParam, wedataTimeParam, timeZoneParam,
 * required(...). Each turns the text into the documented JSON type (integers as numbers, booleans as
 * booleans, IDs and times as strings).
 */

export interface ParamSpec<T> {
  required: boolean;
  /** Human description used in messages: "an integer from 1 to 100". */
  expects: string;
  parse: (raw: string) => T | undefined;
}

export type QuerySpec = Record<string, ParamSpec<unknown>>;

type Parsed<S extends QuerySpec> = {
  [K in keyof S as S[K]["required"] extends true ? K : never]: S[K] extends ParamSpec<infer T> ? T : never;
} & {
  [K in keyof S as S[K]["required"] extends true ? never : K]?: S[K] extends ParamSpec<infer T> ? T : never;
};

function param<T>(expects: string, schema: z.ZodType<T, string>): ParamSpec<T> & { required: false } {
  return {
    required: false,
    expects,
    parse: (raw) => {
      const r = schema.safeParse(raw);
      return r.success ? r.data : undefined;
    },
  };
}

export function required<T>(spec: ParamSpec<T>): ParamSpec<T> & { required: true } {
  return { ...spec, required: true };
}

export function stringParam(maxLength = 500): ParamSpec<string> & { required: false } {
  return param(`a string of at most ${maxLength} characters`, z.string().max(maxLength));
}

/** Digits, letters, `_`, `-`, `.`, `:`: every Tencent ID form (MPS TaskIds, WeData InstanceKeys, numeric ids). */
export function idParam(maxLength = 200): ParamSpec<string> & { required: false } {
  return param(`an ID (letters, digits, "_", "-", ".", ":", at most ${maxLength} characters)`, z.string().max(maxLength).regex(/^[A-Za-z0-9_.:-]+$/));
}

/** A string matching `pattern`; `expects` describes it for messages. */
export function patternParam(expects: string, pattern: RegExp, maxLength = 500): ParamSpec<string> & { required: false } {
  return param(expects, z.string().max(maxLength).regex(pattern));
}

/** Only digits: WeData project ids, which exceed 2^53 and so stay strings. */
export function numericIdParam(): ParamSpec<string> & { required: false } {
  return param("a numeric ID (digits only)", z.string().regex(/^\d{1,30}$/));
}

export function intParam(min: number, max: number): ParamSpec<number> & { required: false } {
  return param(
    `an integer from ${min} to ${max}`,
    z.string().regex(/^-?\d{1,10}$/).transform(Number).pipe(z.number().int().min(min).max(max)),
  );
}

export function boolParam(): ParamSpec<boolean> & { required: false } {
  return param(`"true" or "false"`, z.enum(["true", "false"]).transform((v) => v === "true"));
}

export function oneOf<const V extends readonly [string, ...string[]]>(values: V): ParamSpec<V[number]> & { required: false } {
  return param(`one of ${values.join(", ")}`, z.enum(values) as unknown as z.ZodType<V[number], string>);
}

/** One of a fixed set of integers, forwarded as a number (e.g. WeData InstanceType 0|1|2). */
export function intOneOf<const V extends readonly number[]>(values: V): ParamSpec<V[number]> & { required: false } {
  return param(
    `one of ${values.join(", ")}`,
    z.string().regex(/^\d+$/).transform(Number).refine((n) => values.includes(n)) as unknown as z.ZodType<V[number], string>,
  );
}

/** ISO 8601 date-time in UTC or with an offset (`2021-02-03T04:05:06Z`), forwarded as the same string. */
export function isoTimeParam(): ParamSpec<string> & { required: false } {
  return param("an ISO 8601 time such as 2021-02-03T04:05:06Z", z.iso.datetime({ offset: true }));
}

/** WeData's `yyyy-MM-dd HH:mm:ss` (read in the request's TimeZone), forwarded unchanged. */
export function wedataTimeParam(): ParamSpec<string> & { required: false } {
  return param(
    'a time as "yyyy-MM-dd HH:mm:ss"',
    z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/).refine((s) => {
      const d = new Date(`${s.replace(" ", "T")}Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === s.replace(" ", "T");
    }),
  );
}

/**
 * WeData's `UTC+8`, `UTC-5`, `UTC+5:30`, `UTC`. An unencoded `+` in a query string arrives as a space
 * (`?TimeZone=UTC+8` from curl), so `UTC 8` is read as `UTC+8` rather than refused.
 */
export function timeZoneParam(): ParamSpec<string> & { required: false } {
  return param(
    'a zone such as "UTC+8" or "UTC-5:30"',
    z
      .string()
      .transform((v) => v.replace(/^UTC (?=\d)/, "UTC+"))
      .pipe(z.string().regex(/^UTC(?:[+-](?:1[0-4]|0?\d)(?::[0-5]\d)?)?$/)),
  );
}

export function parseQuery<S extends QuerySpec>(search: URLSearchParams, spec: S): Parsed<S> {
  for (const name of new Set(search.keys())) {
    if (!Object.hasOwn(spec, name)) {
      throw new ApiError(400, "UnknownParameter", `The parameter ${name} is not known. Known parameters: ${Object.keys(spec).join(", ")}.`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(spec)) {
    const values = search.getAll(name);
    if (values.length > 1) throw new ApiError(400, "InvalidParameterValue", `The parameter ${name} was given ${values.length} times; give it once.`);
    const raw = values[0];
    if (raw === undefined || raw === "") {
      if (p.required) throw new ApiError(400, "MissingParameter", `The parameter ${name} is required: ${p.expects}.`);
      continue;
    }
    const value = p.parse(raw);
    if (value === undefined) {
      throw new ApiError(400, "InvalidParameterValue", `The parameter ${name} must be ${p.expects} (got "${truncate(raw)}").`);
    }
    out[name] = value;
  }
  return out as Parsed<S>;
}

/** Validates one path segment (already decoded by Next) with the same rules and messages. */
export function parsePathParam<T>(name: string, raw: string | undefined, p: ParamSpec<T>): T {
  if (raw === undefined || raw === "") throw new ApiError(400, "MissingParameter", `The parameter ${name} is required: ${p.expects}.`);
  const value = p.parse(raw);
  if (value === undefined) throw new ApiError(400, "InvalidParameterValue", `The parameter ${name} must be ${p.expects} (got "${truncate(raw)}").`);
  return value;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
