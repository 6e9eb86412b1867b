import fc from "fast-check";
import Sign from "tencentcloud-sdk-nodejs-common/tencentcloud/common/sign";
import { describe, expect, it } from "vitest";
import { sha256Hex, sign } from "./sign";
import { buildSignedRequest } from "./transport";
import { SERVICES, type ServiceName } from "./services";

// The three official vectors (TENCENT_API.md §2), then a cross-check against the official SDK's signer on
// many random requests built the way the proxy builds them (lib/tencent/transport.ts).

const A = { secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE" };
const BODY = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';

describe("TC3-HMAC-SHA256 official vectors", () => {
  it("A: POST, content-type;host", () => {
    expect(sha256Hex(BODY)).toBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    const s = sign({ ...A, service: "cvm", host: "cvm.tencentcloudapi.com", timestamp: 1551113065, contentType: "application/json; charset=utf-8", body: BODY });
    expect(sha256Hex(s.canonicalRequest)).toBe("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    expect(s.signature).toBe("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    expect(s.authorization).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
  });

  it("B: signs x-tc-action (current docs)", () => {
    const s = sign({
      secretId: A.secretId,
      secretKey: "*".repeat(32),
      service: "cvm",
      host: "cvm.tencentcloudapi.com",
      timestamp: 1551113065,
      contentType: "application/json; charset=utf-8",
      body: BODY,
      action: "DescribeInstances",
    });
    expect(s.signedHeaders).toBe("content-type;host;x-tc-action");
    expect(sha256Hex(s.canonicalRequest)).toBe("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
    expect(s.signature).toBe("10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
  });

  it("C: GET with a query string", () => {
    const s = sign({
      ...A,
      service: "cvm",
      host: "cvm.tencentcloudapi.com",
      timestamp: 1539084154,
      method: "GET",
      query: "Limit=10&Offset=0",
      contentType: "application/x-www-form-urlencoded",
      body: "",
    });
    expect(s.signature).toBe("5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474");
  });
});

// Values the proxy really forwards: ids beyond 2^53 as strings, Chinese text, small integers, booleans.
const paramValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcXYZ019-_:. 未命名任务数据工厂") }),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }).map(String),
  fc.integer({ min: 0, max: 1000 }),
  fc.boolean(),
);
const params = fc.dictionary(fc.constantFrom("Status", "Limit", "ProjectId", "Keyword", "PageSize", "TimeZone", "ScrollToken"), paramValue);
const endpoint = fc.constantFrom(
  "https://mps.tencentcloudapi.com",
  "https://wedata.tencentcloudapi.com",
  "https://mps.intl.tencentcloudapi.com",
  "http://127.0.0.1:4510",
  "http://localhost:3999",
  "https://proxy.example.internal",
);
const target = fc.record({
  service: fc.constantFrom<ServiceName>("mps", "wedata"),
  endpoint,
  secretId: fc.string({ minLength: 8, maxLength: 40, unit: fc.constantFrom(..."AKIDabcdef0123456789") }),
  secretKey: fc.string({ minLength: 1, maxLength: 48 }),
  timestamp: fc.integer({ min: 1_500_000_000, max: 2_100_000_000 }),
  region: fc.constantFrom("ap-guangzhou", "ap-shanghai"),
});

function sdkAuthorization(t: { endpoint: string; service: string; secretId: string; secretKey: string; timestamp: number }, payload: unknown, contentType: string): string {
  return Sign.sign3({
    method: "POST",
    url: t.endpoint,
    payload,
    timestamp: t.timestamp,
    service: t.service,
    secretId: t.secretId,
    secretKey: t.secretKey,
    multipart: false,
    boundary: "",
    headers: { "Content-Type": contentType },
  });
}

describe("cross-check with tencentcloud-sdk-nodejs-common's Sign.sign3", () => {
  it("gives the SDK's Authorization for 1,000 random requests (objects serialised by each side)", () => {
    fc.assert(
      fc.property(target, params, fc.constantFrom("DescribeTasks", "ListTaskInstances"), (t, p, action) => {
        const body = JSON.stringify(p);
        const { headers } = buildSignedRequest({ ...t, ratePerSecond: 1 }, t.service, action, body, t.timestamp);
        // The SDK takes the service from the host; the proxy always uses the service's own name.
        const expected = sdkAuthorization({ ...t, service: SERVICES[t.service].service }, p, headers["Content-Type"] as string);
        expect(headers.Authorization).toBe(expected);
        expect(headers.Authorization).toContain(`/${t.service}/tc3_request`);
        expect(headers["X-TC-Timestamp"]).toBe(String(t.timestamp));
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees on arbitrary Unicode bodies too (SDK given the exact bytes)", () => {
    fc.assert(
      fc.property(target, fc.string({ unit: "grapheme", maxLength: 200 }), (t, text) => {
        const body = JSON.stringify({ Keyword: text });
        const { headers } = buildSignedRequest({ ...t, ratePerSecond: 1 }, t.service, "ListTaskInstances", body, t.timestamp);
        expect(headers.Authorization).toBe(sdkAuthorization({ ...t, service: t.service }, Buffer.from(body), headers["Content-Type"] as string));
      }),
      { numRuns: 500 },
    );
  });

  it("still agrees when derived signing keys are reused: few keys, services and dates, interleaved, across midnight", () => {
    const few = fc.record({
      service: fc.constantFrom<ServiceName>("mps", "wedata"),
      endpoint: fc.constant("https://mps.tencentcloudapi.com"),
      secretId: fc.constant("AKIDcache"),
      // More combinations (5 keys × 2 services × 3 dates) than the cache holds, so entries are evicted too.
      secretKey: fc.constantFrom("key-a", "key-b", "key-c", "key-d", "key-e"),
      timestamp: fc.constantFrom(1_763_855_999, 1_763_856_000, 1_763_900_000, 1_763_942_399, 1_763_942_400),
      region: fc.constant("ap-guangzhou"),
    });
    fc.assert(
      fc.property(fc.array(few, { minLength: 1, maxLength: 40 }), (calls) => {
        for (const t of calls) {
          const body = JSON.stringify({ Status: "FINISH" });
          const { headers } = buildSignedRequest({ ...t, ratePerSecond: 1 }, t.service, "DescribeTasks", body, t.timestamp);
          expect(headers.Authorization).toBe(sdkAuthorization(t, { Status: "FINISH" }, headers["Content-Type"] as string));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("never derives the service from the endpoint host", () => {
    const t = { endpoint: "https://wedata.tencentcloudapi.com", region: "ap-guangzhou", ratePerSecond: 1, secretId: "AKIDx", secretKey: "k", timestamp: 1_700_000_000 };
    const { headers } = buildSignedRequest({ ...t, service: "mps" }, "mps", "DescribeTasks", "{}", t.timestamp);
    expect(headers.Authorization).toContain("/2023-11-14/mps/tc3_request");
    expect(headers["X-TC-Version"]).toBe("2019-06-12");
  });
});
