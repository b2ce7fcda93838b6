/** mulberry32: a small deterministic PRNG, so the demo seed is the same on every start. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const digits = (count: number): string => Array.from({ length: count }, () => String(int(0, 9))).join('');
  return { next, int, pick, digits };
}

export type Random = ReturnType<typeof seededRandom>;
