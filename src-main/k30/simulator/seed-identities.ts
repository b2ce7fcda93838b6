import { k30Date } from '../protocol';
import type { Random } from './prng';
import { FEMALE_GIVEN, idCardCheckDigit, MALE_GIVEN, PHONE_PREFIXES, SURNAMES } from './seed-data';
import type { Sex } from './state';

/** Made-up but well-formed people for the demo seed: names, mobile numbers, resident ID numbers. */

export function phone(rng: Random): string {
  return rng.pick(PHONE_PREFIXES) + rng.digits(8);
}

export function pickWeighted<T>(rng: Random, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let roll = rng.next() * total;
  for (const item of items) if ((roll -= weight(item)) < 0) return item;
  return items[items.length - 1];
}

export function chineseName(rng: Random, sex: Sex, taken: Set<string>): string {
  for (;;) {
    // Earlier surnames are more common: square the roll to favour the head of the list.
    const surname = SURNAMES[Math.floor(rng.next() ** 2 * SURNAMES.length)];
    const chars = sex === 2 ? FEMALE_GIVEN : MALE_GIVEN;
    const given = rng.next() < 0.35 ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
    const name = surname + given;
    if (!taken.has(name) && given[0] !== given[1]) {
      taken.add(name);
      return name;
    }
  }
}

export function idCard(rng: Random, area: string, sex: Sex): string {
  const birth = new Date(rng.int(1968, 2003), rng.int(0, 11), rng.int(1, 28));
  const seq = rng.int(10, 99) * 10 + (sex === 2 ? rng.pick([0, 2, 4, 6, 8]) : rng.pick([1, 3, 5, 7, 9]));
  const first17 = `${area}${k30Date(birth).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCardCheckDigit(first17);
}

export function idCardFor(area: string, birth: string, seq: string): string {
  const first17 = area + birth + seq;
  return first17 + idCardCheckDigit(first17);
}
