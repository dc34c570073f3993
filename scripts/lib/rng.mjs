/**
 * mulberry32: a small seeded pseudo-random generator, so a generated corpus or a chaos run can be
 * replayed with the same --seed. Shared by scripts/gen-synthetic.mjs, scripts/lib/gen-seed-corpus.mjs
 * and scripts/chaos.mjs.
 * @example const random = rng(42); random() // a number in [0, 1)
 */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
