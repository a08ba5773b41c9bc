/**
 * A small seeded random source (mulberry32). Each article gets its own stream derived from the run's
 * seed and its index, so article n is the same whether a run writes 10 or 10^6 of them, and a bench
 * child process can rebuild any article without reading a file.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream for item `index` of a run: mixes both numbers so neighbouring indices do not correlate. */
  static forItem(seed: number, index: number): Rng {
    let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ (index >>> 0) ^ Math.floor(index / 0x100000000), 0xc2b2ae35);
    h ^= h >>> 16;
    return new Rng(h);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * Favours the front of the list like word frequencies do (Zipf, s ≈ 1): the first items of a
   * vocabulary appear often, the tail rarely — the shape real article collections have.
   */
  zipf<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    const rank = Math.floor(Math.exp(this.next() * Math.log(items.length + 1))) - 1;
    return items[Math.min(rank, items.length - 1)] as T;
  }

  weighted<T>(items: readonly { readonly value: T; readonly weight: number }[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item.value;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('pick from an empty list');
    return last.value;
  }

  /** `count` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      const i = Math.floor(this.next() * pool.length);
      out.push(pool[i] as T);
      pool[i] = pool[pool.length - 1] as T;
      pool.pop();
    }
    return out;
  }
}
