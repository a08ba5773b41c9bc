/**
 * Order-independent digest of a set of (id, rowVersion) pairs, so a seat can compare its copy of a
 * scope with the server's without caring about order. Pure arithmetic (no node:crypto) so the seat
 * can compute the identical value.
 */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** One row's share of a scope digest: sums of two independent 32-bit hashes, so rows add and subtract. */
export type Digest = { count: number; a: number; b: number };

export const EMPTY_DIGEST: Digest = { count: 0, a: 0, b: 0 };

export function rowDigest(id: string, rowVersion: number): Digest {
  const key = `${id}:${rowVersion}`;
  return { count: 1, a: fnv1a(key, 0x811c9dc5), b: fnv1a(key, 0x050c5d1f) };
}

/** `x + sign·y`, modulo 2^32 per hash, as the server keeps running totals per scope. */
export function addDigest(x: Digest, y: Digest, sign: 1 | -1 = 1): Digest {
  return {
    count: x.count + sign * y.count,
    a: (x.a + sign * y.a) >>> 0,
    b: (x.b + sign * y.b) >>> 0,
  };
}

export function digestChecksum(d: Digest): { count: number; hash: string } {
  return { count: d.count, hash: d.a.toString(16).padStart(8, '0') + d.b.toString(16).padStart(8, '0') };
}

export function scopeChecksum(rows: Iterable<{ id: string; rowVersion: number }>): { count: number; hash: string } {
  let total = EMPTY_DIGEST;
  for (const r of rows) total = addDigest(total, rowDigest(r.id, r.rowVersion));
  return digestChecksum(total);
}
