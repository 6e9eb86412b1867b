import { createHash } from "node:crypto";
import { parseBasicUsers, type BasicUser } from "./basic-auth";
import { parseFrameAncestors } from "./security-headers";
import { parseWallTokens, type WallToken } from "./wall-tokens";

// Access control and header settings from the environment. Access control is on as soon as either Basic
// users or wall tokens are configured, and off otherwise (the default, and what demo mode wants).

export interface AccessConfig {
  basicUsers: BasicUser[];
  wallTokens: WallToken[];
  frameAncestors: string;
  enabled: boolean;
  /** Identifies this user list, so cached Basic verifications die with the list they were made against. */
  listId: string;
  problems: string[];
}

export const ACCESS_ENV_VARS = ["TASKBOARD_BASIC_AUTH", "TASKBOARD_WALL_TOKENS", "TASKBOARD_FRAME_ANCESTORS"] as const;

export function parseAccessConfig(env: Record<string, string | undefined>): AccessConfig {
  const basic = parseBasicUsers(env.TASKBOARD_BASIC_AUTH);
  const wall = parseWallTokens(env.TASKBOARD_WALL_TOKENS);
  const frames = parseFrameAncestors(env.TASKBOARD_FRAME_ANCESTORS);
  return {
    basicUsers: basic.users,
    wallTokens: wall.tokens,
    frameAncestors: frames.value,
    // Configured-but-all-invalid still counts as "on": a typo must lock the door, not open it.
    enabled: Boolean(env.TASKBOARD_BASIC_AUTH?.trim() || env.TASKBOARD_WALL_TOKENS?.trim()),
    listId: createHash("sha256").update(env.TASKBOARD_BASIC_AUTH ?? "").digest("base64").slice(0, 16),
    problems: [...basic.problems, ...wall.problems, ...frames.problems],
  };
}

let cached: { key: string; config: AccessConfig } | null = null;

/** Parsed once per distinct environment (the proxy calls this on every request). */
export function getAccessConfig(env: Record<string, string | undefined> = process.env): AccessConfig {
  const key = ACCESS_ENV_VARS.map((k) => env[k] ?? "").join("\u0000");
  if (cached?.key !== key) cached = { key, config: parseAccessConfig(env) };
  return cached.config;
}
