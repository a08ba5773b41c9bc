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

export function scopeChecksum(rows: Iterable<{ id: string; rowVersion: number }>): { count: number; hash: string } {
  let count = 0;
  let a = 0;
  let b = 0;
  for (const r of rows) {
    const key = `${r.id}:${r.rowVersion}`;
    a = (a + fnv1a(key, 0x811c9dc5)) >>> 0;
    b = (b + fnv1a(key, 0x050c5d1f)) >>> 0;
    count += 1;
  }
  return { count, hash: a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0') };
}
