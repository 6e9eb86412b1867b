import { safeEqual } from "./constant-time";

// Read-only wall-screen links (TASKBOARD_WALL_TOKENS="lobby:<token>,ops-room:<token>"). A screen opens
// /wall?token=<token> once; the proxy moves the token into an HttpOnly cookie and redirects to the same URL
// without it, so the token leaves the address bar, history and screenshots. Revoking a link is removing its
// entry: the cookie holds the token itself, so it stops working on the next request.

export interface WallToken {
  name: string;
  token: string;
}

export const WALL_COOKIE = "taskboard_wall";
/** Query parameter that carries a token on the first visit. */
export const WALL_TOKEN_PARAM = "token";
/** Long enough that guessing is hopeless even without rate limiting (16 random base64 characters ≈ 96 bits). */
export const MIN_TOKEN_LENGTH = 16;
/** The cookie is renewed on every visit to /wall, so a screen that keeps running never loses it. */
export const WALL_COOKIE_MAX_AGE_S = 30 * 24 * 3600;

export function parseWallTokens(spec: string | undefined): { tokens: WallToken[]; problems: string[] } {
  const tokens: WallToken[] = [];
  const problems: string[] = [];
  for (const raw of (spec ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(":");
    const name = colon > 0 ? entry.slice(0, colon).trim() : "";
    const token = colon > 0 ? entry.slice(colon + 1).trim() : "";
    if (!name || !token) {
      problems.push("TASKBOARD_WALL_TOKENS: an entry is not of the form name:token (ignored)");
    } else if (token.length < MIN_TOKEN_LENGTH || !/^[A-Za-z0-9._~-]+$/.test(token)) {
      problems.push(
        `TASKBOARD_WALL_TOKENS: token "${name}" must be at least ${MIN_TOKEN_LENGTH} URL-safe characters (A-Z a-z 0-9 . _ ~ -) (ignored)`,
      );
    } else {
      tokens.push({ name, token });
    }
  }
  return { tokens, problems };
}

/** The name of the link the candidate token belongs to, or null. Compares against every token, in constant time. */
export function matchWallToken(tokens: readonly WallToken[], candidate: string | null | undefined): string | null {
  if (!candidate || candidate.length > 512) return null;
  let found: string | null = null;
  for (const t of tokens) {
    if (safeEqual(t.token, candidate) && found === null) found = t.name;
  }
  return found;
}
