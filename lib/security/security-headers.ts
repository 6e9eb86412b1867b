// Security headers for every response the proxy sees. CSP uses a fresh nonce per request with
// 'strict-dynamic' (Next.js applies the nonce to its own scripts when it finds it in the request's CSP
// header; the root layout passes it to the inline theme script), so no inline script runs unless the server
// wrote it. Styles allow 'unsafe-inline' because React renders `style` attributes (virtualized rows, charts),
// which a nonce cannot cover; style injection cannot run code.

export interface CspOptions {
  nonce: string;
  frameAncestors: string;
  /** `next dev` needs eval for its error overlay. */
  dev?: boolean;
  /** Only upgrade when the page itself came over HTTPS: a LAN wall screen on plain HTTP must keep working. */
  https?: boolean;
}

export function buildCsp({ nonce, frameAncestors, dev = false, https = false }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** CSP for API answers: JSON needs nothing, so nothing is allowed. */
export function buildApiCsp(frameAncestors: string): string {
  return `default-src 'none'; frame-ancestors ${frameAncestors}`;
}

/** Headers that do not depend on the request. */
export function staticSecurityHeaders(frameAncestors: string): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // X-Frame-Options cannot name origins; it only backs up the CSP when embedding is off entirely.
    ...(frameAncestors === "'none'" ? { "X-Frame-Options": "DENY" } : {}),
  };
}

const SOURCE = /^(?:'self'|'none'|https?:\/\/(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?|(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?)$/;

/**
 * TASKBOARD_FRAME_ANCESTORS: space-separated CSP sources allowed to embed Taskboard (for example
 * `'self' https://grafana.example.com`); default `'none'`. Anything that is not a plain source is dropped,
 * so the variable cannot smuggle another directive (`;`) or header (newline) into the response.
 */
export function parseFrameAncestors(spec: string | undefined): { value: string; problems: string[] } {
  const problems: string[] = [];
  const parts = (spec ?? "").split(/\s+/).filter(Boolean);
  const kept = parts.filter((p) => {
    const ok = SOURCE.test(p);
    if (!ok) problems.push(`TASKBOARD_FRAME_ANCESTORS: "${p}" is not a CSP source such as 'self' or https://host (ignored)`);
    return ok;
  });
  if (kept.length === 0) return { value: "'none'", problems };
  if (kept.includes("'none'") && kept.length > 1) {
    problems.push("TASKBOARD_FRAME_ANCESTORS: 'none' cannot be combined with other sources ('none' kept)");
    return { value: "'none'", problems };
  }
  return { value: kept.join(" "), problems };
}
