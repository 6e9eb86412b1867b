import { describe, expect, it } from "vitest";
import { parseAccessConfig } from "./access-config";
import { decideAccess, type AccessRequest } from "./access-control";

const TOKEN = "lobby-token-0123456789abcdef";
const basicHeader = `Basic ${Buffer.from("alice:pw-alice").toString("base64")}`;

function req(path: string, init: Partial<AccessRequest> = {}): AccessRequest {
  const url = new URL(path, "http://x");
  return { method: "GET", pathname: url.pathname, searchParams: url.searchParams, authorization: null, wallCookie: null, ...init };
}

describe("access decisions", () => {
  const both = parseAccessConfig({ TASKBOARD_BASIC_AUTH: "alice:pw-alice", TASKBOARD_WALL_TOKENS: `lobby:${TOKEN},short:abc` });
  const wallOnly = parseAccessConfig({ TASKBOARD_WALL_TOKENS: `lobby:${TOKEN}` });
  const none = parseAccessConfig({});

  it("is open when nothing is configured", () => {
    expect(none.enabled).toBe(false);
    expect(decideAccess(req("/mps"), none)).toEqual({ action: "allow", principal: "anonymous" });
  });

  it("ignores too-short tokens but still locks the door", () => {
    expect(both.wallTokens.map((t) => t.name)).toEqual(["lobby"]);
    expect(parseAccessConfig({ TASKBOARD_WALL_TOKENS: "x:short" }).enabled).toBe(true);
    expect(decideAccess(req("/wall?token=short"), parseAccessConfig({ TASKBOARD_WALL_TOKENS: "x:short" })).action).toBe("deny");
  });

  it("challenges people without credentials and lets Basic users in everywhere", () => {
    expect(decideAccess(req("/mps"), both)).toMatchObject({ action: "deny", status: 401, challenge: true });
    expect(decideAccess(req("/api/mps/tasks"), both)).toMatchObject({ action: "deny", status: 401 });
    expect(decideAccess(req("/mps", { authorization: basicHeader }), both)).toMatchObject({ action: "allow", principal: "basic", name: "alice" });
    expect(decideAccess(req("/api/health"), both)).toMatchObject({ action: "allow", principal: "public" });
    expect(decideAccess(req("/icon.svg?abc"), both)).toMatchObject({ action: "allow", principal: "public" });
    expect(decideAccess(req("/icon.svg/../mps"), both).action).toBe("deny");
  });

  it("turns a valid wall token into a cookie login and drops only the token from the URL", () => {
    expect(decideAccess(req(`/wall?panels=mps&token=${TOKEN}&theme=dark`), both)).toEqual({
      action: "wall-login",
      name: "lobby",
      token: TOKEN,
      location: "/wall?panels=mps&theme=dark",
    });
    expect(decideAccess(req(`/wall?token=${TOKEN}x`), both)).toMatchObject({ action: "deny", status: 403, clearWallCookie: true });
    // A token anywhere but the wall grants nothing.
    expect(decideAccess(req(`/mps?token=${TOKEN}`), both)).toMatchObject({ action: "deny", status: 401 });
  });

  it("lets the wall cookie read the wall and its APIs, with GET/HEAD only", () => {
    const wall = { wallCookie: TOKEN };
    for (const path of ["/wall", "/wall?panels=mps", "/api/wall", "/api/mps/tasks", "/api/wedata/instances/x/log", "/api/config"]) {
      expect(decideAccess(req(path, wall), both), path).toMatchObject({ action: "allow", principal: "wall" });
    }
    for (const path of ["/mps", "/wedata", "/", "/wallpaper", "/api/other", "/api/mpsx"]) {
      expect(decideAccess(req(path, wall), both), path).toMatchObject({ action: "deny", clearWallCookie: false });
    }
    expect(decideAccess(req("/api/mps/tasks", { ...wall, method: "POST" }), both).action).toBe("deny");
    expect(decideAccess(req("/wall", { ...wall, method: "HEAD" }), both).action).toBe("allow");
  });

  it("refuses a revoked cookie and asks the browser to drop it", () => {
    expect(decideAccess(req("/wall", { wallCookie: "revoked-token-0123456789" }), both)).toMatchObject({ action: "deny", clearWallCookie: true });
  });

  it("answers 403 without a challenge when only wall links are configured", () => {
    expect(decideAccess(req("/mps"), wallOnly)).toMatchObject({ action: "deny", status: 403, challenge: false });
  });
});
