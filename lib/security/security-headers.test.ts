import { describe, expect, it } from "vitest";
import { buildCsp, parseFrameAncestors, staticSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("builds a nonce CSP with strict-dynamic and no unsafe-inline scripts", () => {
    const csp = buildCsp({ nonce: "abc", frameAncestors: "'none'" });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(buildCsp({ nonce: "n", frameAncestors: "'self'", https: true })).toContain("upgrade-insecure-requests");
  });

  it("accepts plain sources for frame-ancestors and drops anything that could inject", () => {
    expect(parseFrameAncestors(undefined)).toEqual({ value: "'none'", problems: [] });
    expect(parseFrameAncestors("'self' https://grafana.example.com:3000 *.example.org").value).toBe(
      "'self' https://grafana.example.com:3000 *.example.org",
    );
    const bad = parseFrameAncestors("https://ok.example.com; script-src * javascript:alert(1)");
    expect(bad.value).toBe("'none'");
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(parseFrameAncestors("'none' https://a.example.com").value).toBe("'none'");
  });

  it("adds X-Frame-Options only when embedding is off", () => {
    expect(staticSecurityHeaders("'none'")["X-Frame-Options"]).toBe("DENY");
    expect(staticSecurityHeaders("'self'")["X-Frame-Options"]).toBeUndefined();
    expect(staticSecurityHeaders("'self'")["X-Content-Type-Options"]).toBe("nosniff");
  });
});
