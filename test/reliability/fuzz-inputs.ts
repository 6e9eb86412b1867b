import fc from "fast-check";

// Arbitraries for hostile query strings and path segments. Everything is percent-encoded byte by byte
// (after UTF-8 encoding, which turns lone surrogates into U+FFFD) so the request itself is always valid
// HTTP; a share of cases adds raw fragments (`%zz`, `%00`, `&&`, `+`) that only a parser can trip over.

const UNRESERVED = /[A-Za-z0-9\-._~]/;

export function percentEncode(text: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export const INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE tasks; --',
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "\r\nX-Injected: 1",
  "\u0000",
  "Action=RunInstances",
  "&Action=RunInstances&Version=1999-01-01",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "[object Object]",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-0",
  "0x10",
  "1_000",
  " 1",
  "1 ",
  "9007199254740993",
  "99999999999999999999999999999999999999",
  "-1",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"Action":"RunInstances"}',
  "2025-02-30T25:61:61Z",
  "2025-01-01 00:00:00",
  "UTC+99",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "🙂🙃💥",
  "\uD800",
  "\uFEFF",
  "ｓｅｌｅｃｔ",
];

export const RAW_FRAGMENTS = ["%", "%zz", "%0", "%00", "%C0%AF", "%FF%FE", "&&", "&=&", "=", "+", "%2B", "%26Action%3DX", ";", "#frag"];

const hugeValue = fc.integer({ min: 1_000, max: 6_000 }).map((n) => "9".repeat(n));

export function valueArb(validValues: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: validValues.length ? fc.constantFrom(...validValues) : fc.constant("") },
    { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: hugeValue },
    { weight: 1, arbitrary: fc.constant("") },
  );
}

export interface QueryCase {
  query: string;
  pairs: Array<[string, string]>;
}

/** A query string from known keys (with valid or hostile values), unknown keys, repeats and raw junk. */
export function queryArb(known: Record<string, readonly string[]>): fc.Arbitrary<QueryCase> {
  const names = Object.keys(known);
  const key = fc.oneof(
    { weight: 6, arbitrary: names.length ? fc.constantFrom(...names) : fc.constant("x") },
    { weight: 1, arbitrary: fc.constantFrom(...INJECTIONS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
    { weight: 1, arbitrary: names.length ? fc.constantFrom(...names).map((n) => n.toLowerCase()) : fc.constant("y") },
  );
  const pair = key.chain((k) => valueArb(Object.hasOwn(known, k) ? (known[k] as readonly string[]) : []).map((v): [string, string] => [k, v]));
  // A third of the cases use only known names with valid values, so accepted requests get fuzzed too.
  const validPair = names.length
    ? fc.constantFrom(...names).chain((k) => fc.constantFrom(...((known[k] as readonly string[]).length ? (known[k] as readonly string[]) : [""])).map((v): [string, string] => [k, v]))
    : fc.constant<[string, string]>(["x", ""]);
  const pairs = fc.oneof(
    { weight: 2, arbitrary: fc.array(pair, { maxLength: 8 }) },
    { weight: 1, arbitrary: fc.uniqueArray(validPair, { maxLength: 4, selector: ([k]) => k }) },
  );
  return fc
    .tuple(pairs, fc.option(fc.constantFrom(...RAW_FRAGMENTS), { freq: 4 }))
    .map(([pairs, raw]) => {
      const parts = pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`);
      if (raw) parts.splice(parts.length >> 1, 0, raw);
      return { pairs, query: parts.join("&") };
    });
}

/** A path segment: valid ids, hostile strings, encoded slashes and dots. */
export function segmentArb(validValues: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...validValues).map(percentEncode) },
    { weight: 3, arbitrary: valueArb([]).filter((v) => v.length > 0 && v.length < 4000).map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom("%2e%2e", "..%2F..%2Fmps", "%2F", "%00", "a%2Fb", ".", "%20", "~") },
  );
}
