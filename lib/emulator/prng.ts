// Small, fast, seedable randomness. Every generated record draws from a stream keyed by (seed, what, where),
// so any part of the data set can be regenerated alone and identically, in any order.

/** Mixes integers into a 32-bit hash (murmur3 finaliser steps). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as number;
    // Mix both 32-bit halves so hour indexes and millisecond times both count fully.
    h = mix(h, p >>> 0);
    h = mix(h, Math.floor(p / 4294967296) >>> 0);
  }
  return h >>> 0;
}

function mix(h: number, v: number): number {
  h ^= Math.imul(v ^ (v >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Picks by weight; `weights` pairs each item with a non-negative weight. */
  weighted<T>(weights: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of weights) total += w;
    let r = this.next() * total;
    for (const [item, w] of weights) {
      r -= w;
      if (r < 0) return item;
    }
    return (weights[weights.length - 1] as readonly [T, number])[0];
  }
  /** Log-normal around `median` (spread = sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }
  hex(length: number): string {
    let s = "";
    while (s.length < length) s += Math.floor(this.next() * 4294967296).toString(16).padStart(8, "0");
    return s.slice(0, length);
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[this.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

export function rngFor(...parts: number[]): Rng {
  return new Rng(hash32(...parts));
}
