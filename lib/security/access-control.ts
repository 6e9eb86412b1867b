import type { AccessConfig } from "./access-config";
import { checkBasicAuth } from "./basic-auth";
import { matchWallToken, WALL_TOKEN_PARAM } from "./wall-tokens";

// Who may see what, as one pure decision the proxy turns into a response (and tests check directly).
//   - no access control configured      → everyone, everything (demo mode, or behind an SSO proxy)
//   - a Basic user                      → everything (the product is read-only)
//   - a wall link (cookie)              → GET/HEAD of /wall and the read-only APIs the wall polls, nothing else
//   - /wall?token=<valid>               → becomes the cookie, then a redirect to the same URL without the token
//   - anyone else                       → 401 with a Basic challenge (403 when only wall links are configured)

export interface AccessRequest {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  authorization: string | null;
  wallCookie: string | null;
}

export type AccessDecision =
  | { action: "allow"; principal: "anonymous" | "public" | "basic" | "wall"; name?: string }
  | { action: "wall-login"; name: string; token: string; location: string }
  | { action: "deny"; status: 401 | 403; challenge: boolean; message: string; clearWallCookie: boolean };

/** Always reachable: liveness checks must work without credentials, and health says nothing secret. */
const PUBLIC_PATHS = ["/api/health"];
/** App icons and similar metadata files (app/icon.svg is served at /icon.svg?<hash>): public by nature. */
const PUBLIC_FILE = /^\/(?:favicon\.ico|(?:apple-)?icon\d*\.(?:svg|png|ico|jpg)|robots\.txt|manifest\.webmanifest)$/;

/** What a wall link unlocks besides /wall itself: the read-only data the wall screen shows. */
const WALL_API_PREFIXES = ["/api/wall", "/api/mps", "/api/wedata", "/api/config"];

const READ_METHODS = new Set(["GET", "HEAD"]);

function underPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function isWallPage(pathname: string): boolean {
  return underPrefix(pathname, "/wall");
}

export function wallMayRead(pathname: string): boolean {
  return (
    isWallPage(pathname) ||
    WALL_API_PREFIXES.some((p) => underPrefix(pathname, p)) ||
    // Framework data for the wall page itself (chunks are outside the proxy's matcher).
    pathname.startsWith("/_next/")
  );
}

export function decideAccess(req: AccessRequest, config: AccessConfig): AccessDecision {
  if (!config.enabled) return { action: "allow", principal: "anonymous" };
  if (PUBLIC_PATHS.includes(req.pathname) || PUBLIC_FILE.test(req.pathname)) return { action: "allow", principal: "public" };

  const token = req.searchParams.get(WALL_TOKEN_PARAM);
  if (token !== null && isWallPage(req.pathname) && READ_METHODS.has(req.method)) {
    const name = matchWallToken(config.wallTokens, token);
    if (!name) {
      return { action: "deny", status: 403, challenge: false, message: "This wall-screen link is invalid or has been revoked.", clearWallCookie: true };
    }
    const rest = new URLSearchParams(req.searchParams);
    rest.delete(WALL_TOKEN_PARAM);
    const query = rest.toString();
    return { action: "wall-login", name, token, location: `${req.pathname}${query ? `?${query}` : ""}` };
  }

  const user = checkBasicAuth(config.basicUsers, req.authorization, config.listId);
  if (user) return { action: "allow", principal: "basic", name: user };

  const wallName = req.wallCookie ? matchWallToken(config.wallTokens, req.wallCookie) : null;
  if (wallName && READ_METHODS.has(req.method) && wallMayRead(req.pathname)) {
    return { action: "allow", principal: "wall", name: wallName };
  }

  const basicConfigured = config.basicUsers.length > 0;
  return {
    action: "deny",
    status: basicConfigured ? 401 : 403,
    challenge: basicConfigured,
    message: wallName
      ? "A wall-screen link only opens the wall screen."
      : basicConfigured
        ? "Sign in to use Taskboard."
        : "Taskboard is only open through a wall-screen link here.",
    clearWallCookie: req.wallCookie !== null && !wallName,
  };
}
