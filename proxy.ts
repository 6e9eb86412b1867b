import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { getAccessConfig } from "@/lib/security/access-config";
import { decideAccess, isWallPage, type AccessDecision } from "@/lib/security/access-control";
import { buildApiCsp, buildCsp, staticSecurityHeaders } from "@/lib/security/security-headers";
import { WALL_COOKIE, WALL_COOKIE_MAX_AGE_S } from "@/lib/security/wall-tokens";

// Next.js 16 Proxy (the renamed middleware; runs on Node.js before every route): access control for
// deployments without a single-sign-on proxy in front, and the security headers, CSP nonce included.
// All decisions live in lib/security; this file only turns them into responses.

export function proxy(request: NextRequest): NextResponse {
  const access = getAccessConfig();
  const { pathname, searchParams } = request.nextUrl;
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const isApi = pathname.startsWith("/api/");

  const decision = decideAccess(
    {
      method: request.method,
      pathname,
      searchParams,
      authorization: request.headers.get("authorization"),
      wallCookie: request.cookies.get(WALL_COOKIE)?.value ?? null,
    },
    access,
  );

  // A nonce only serves pages (Next.js and the layouts put it on their scripts); an API answer is JSON under
  // `default-src 'none'`, so it gets neither a nonce nor rewritten request headers.
  const nonce = isApi ? null : randomBytes(16).toString("base64");
  const csp =
    nonce === null
      ? buildApiCsp(access.frameAncestors)
      : buildCsp({ nonce, frameAncestors: access.frameAncestors, dev: process.env.NODE_ENV === "development", https });

  const response = respond(request, decision, nonce, csp, isApi);
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(access.frameAncestors))) response.headers.set(name, value);

  if (decision.action === "wall-login" || (decision.action === "allow" && decision.principal === "wall" && isWallPage(pathname))) {
    // Set on login and renewed on every wall page load, so a screen that keeps running keeps its access.
    const token = decision.action === "wall-login" ? decision.token : (request.cookies.get(WALL_COOKIE)?.value ?? "");
    response.cookies.set({ name: WALL_COOKIE, value: token, httpOnly: true, sameSite: "strict", secure: https, path: "/", maxAge: WALL_COOKIE_MAX_AGE_S });
  }
  if (decision.action === "deny" && decision.clearWallCookie) {
    response.cookies.set({ name: WALL_COOKIE, value: "", httpOnly: true, sameSite: "strict", secure: https, path: "/", maxAge: 0 });
  }
  return response;
}

function respond(request: NextRequest, decision: AccessDecision, nonce: string | null, csp: string, isApi: boolean): NextResponse {
  if (decision.action === "allow") {
    if (nonce === null) return NextResponse.next();
    // Next.js reads the nonce from the request's CSP header and puts it on its own scripts; the root
    // layout reads x-nonce for the inline theme script.
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers } });
  }
  if (decision.action === "wall-login") {
    // Same origin as the request by construction: only path and query change (Next needs an absolute URL).
    const target = request.nextUrl.clone();
    const [pathname, query] = decision.location.split("?");
    target.pathname = pathname ?? "/wall";
    target.search = query ? `?${query}` : "";
    const res = NextResponse.redirect(target, 303);
    res.headers.set("Cache-Control", "no-store");
    return res;
  }
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (decision.challenge) headers["WWW-Authenticate"] = 'Basic realm="Taskboard", charset="UTF-8"';
  if (isApi) {
    const code = decision.status === 401 ? "AuthFailure.Unauthorized" : "AuthFailure.Forbidden";
    return NextResponse.json({ Error: { Code: code, Message: decision.message } }, { status: decision.status, headers });
  }
  return new NextResponse(`${decision.message}\n`, { status: decision.status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

export const config = {
  // Everything but build-time static assets (public, content-hashed, and proven free of secrets by the tests).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
