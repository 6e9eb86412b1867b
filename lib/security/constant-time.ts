import { createHash, timingSafeEqual } from "node:crypto";

// Secrets are compared as SHA-256 digests: both sides always have 32 bytes, so neither the comparison time
// nor an early length check tells an attacker how much of a guess was right or how long the secret is.

export function sha256(input: string | Uint8Array): Buffer {
  return createHash("sha256").update(input).digest();
}

/** Constant-time equality of two strings (of any lengths). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

/** Constant-time equality of two byte strings of equal length; unequal lengths are simply unequal. */
export function safeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
