/** Sampling helpers over the demo PRNG (ids.ts `prng`). */

export type Rng = () => number;

/** Weighted choice with a precomputed cumulative table (binary search per draw). */
export class Picker<T> {
  private readonly items: T[];
  private readonly cum: number[];
  private readonly total: number;

  constructor(weighted: readonly (readonly [T, number])[]) {
    this.items = weighted.map(([v]) => v);
    let acc = 0;
    this.cum = weighted.map(([, w]) => (acc += w));
    this.total = acc;
    if (!(acc > 0)) throw new RangeError('Picker needs a positive total weight');
  }

  /** The item at quantile u ∈ [0, 1). */
  pick(u: number): T {
    const x = u * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

export const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
export const chance = (r: Rng, p: number) => r() < p;
export const oneOf = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** Standard normal (Box–Muller). */
export function normal(r: Rng): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/**
 * A low-discrepancy (Weyl) sequence: the n-th value of frac(offset + n·α) covers [0, 1) evenly,
 * so shares drawn from it (case mix, pediatric/adult, outcomes) hit their targets closely even
 * for a few hundred patients, while still looking random.
 */
export class Weyl {
  private n = 0;
  constructor(private readonly offset: number, private readonly alpha: number) {}
  next(): number {
    const v = this.offset + this.n++ * this.alpha;
    return v - Math.floor(v);
  }
}

export const GOLDEN = 0.6180339887498949;
export const SQRT2_FRAC = 0.41421356237309515;
export const SQRT3_FRAC = 0.7320508075688772;
export const SQRT5_FRAC = 0.2360679774997898;
export const SQRT7_FRAC = 0.6457513110645907;
