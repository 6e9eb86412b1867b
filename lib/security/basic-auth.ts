import { randomBytes, scryptSync } from "node:crypto";
import { safeEqual, safeEqualBytes, sha256 } from "./constant-time";

// Optional HTTP Basic users for people (TASKBOARD_BASIC_AUTH). Each entry is `name:secret`, entries are
// separated by commas, and a secret is one of
//   scrypt:<salt base64url>:<hash base64url>   (preferred; make one with `npx tsx lib/security/hash-password.ts`)
//   sha256:<64 hex digits>                      (SHA-256 of the password)
//   anything else                               (the password itself; fine for a quick trial, not for production)

export interface BasicUser {
  name: string;
  kind: "scrypt" | "sha256" | "plain";
  /** Bytes the password must hash to (scrypt or SHA-256) or the SHA-256 of the plain password. */
  digest: Buffer;
  salt?: Buffer;
}

const SCRYPT_KEYLEN = 32;

export function parseBasicUsers(spec: string | undefined): { users: BasicUser[]; problems: string[] } {
  const users: BasicUser[] = [];
  const problems: string[] = [];
  for (const raw of (spec ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(":");
    const name = colon > 0 ? entry.slice(0, colon) : "";
    const secret = colon > 0 ? entry.slice(colon + 1) : "";
    if (!name || !secret) {
      problems.push("TASKBOARD_BASIC_AUTH: an entry is not of the form name:secret (ignored)");
      continue;
    }
    const user = parseSecret(name, secret);
    if (typeof user === "string") problems.push(`TASKBOARD_BASIC_AUTH: user "${name}": ${user} (ignored)`);
    else users.push(user);
  }
  return { users, problems };
}

function parseSecret(name: string, secret: string): BasicUser | string {
  if (secret.startsWith("scrypt:")) {
    const [, salt, hash] = secret.split(":");
    const saltBytes = Buffer.from(salt ?? "", "base64url");
    const hashBytes = Buffer.from(hash ?? "", "base64url");
    if (saltBytes.length < 8 || hashBytes.length !== SCRYPT_KEYLEN) return "malformed scrypt hash";
    return { name, kind: "scrypt", digest: hashBytes, salt: saltBytes };
  }
  if (secret.startsWith("sha256:")) {
    const hex = secret.slice("sha256:".length);
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) return "sha256 needs 64 hex digits";
    return { name, kind: "sha256", digest: Buffer.from(hex, "hex") };
  }
  return { name, kind: "plain", digest: sha256(secret) };
}

/** `scrypt:<salt>:<hash>` for a password (what hash-password.ts prints). */
export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password, salt, SCRYPT_KEYLEN);
  return `scrypt:${salt.toString("base64url")}:${hash.toString("base64url")}`;
}

function passwordMatches(user: BasicUser, password: string): boolean {
  const candidate = user.kind === "scrypt" && user.salt ? scryptSync(password, user.salt, SCRYPT_KEYLEN) : sha256(password);
  return safeEqualBytes(candidate, user.digest);
}

/** Splits an `Authorization: Basic …` header; null when it is not well-formed Basic. */
export function parseBasicHeader(header: string | null): { name: string; password: string } | null {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]{1,4096})\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// scrypt costs tens of milliseconds by design; a dashboard polls every few seconds, so a verified header is
// remembered (by its SHA-256, never in clear) for a few minutes. Removing a user from the list still takes
// effect at once because the cache key includes the user list's identity.
const VERIFIED_TTL_MS = 5 * 60_000;
const VERIFIED_MAX = 256;
const verified = new Map<string, number>();

/** The user name the header authenticates, or null. Every configured name is compared, in constant time. */
export function checkBasicAuth(users: readonly BasicUser[], header: string | null, listId = "", now = Date.now()): string | null {
  const creds = parseBasicHeader(header);
  if (!creds || users.length === 0) return null;
  const cacheKey = `${listId}\n${sha256(header ?? "").toString("base64")}`;
  let match: BasicUser | undefined;
  for (const user of users) {
    // No early exit: the time taken does not reveal which (or whether a) name matched.
    if (safeEqual(user.name, creds.name) && !match) match = user;
  }
  const cachedUntil = verified.get(cacheKey);
  if (match && cachedUntil !== undefined && cachedUntil > now) return match.name;
  // An unknown name still costs one password check, so timing does not reveal which names exist.
  const passwordOk = passwordMatches(match ?? (users[0] as BasicUser), creds.password);
  if (!match || !passwordOk) return null;
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(cacheKey, now + VERIFIED_TTL_MS);
  return match.name;
}
