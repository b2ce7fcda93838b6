import { chineseIdCheckDigit } from '../../src-preload/contract';

/** An 18-digit resident ID with a correct check digit. */
export function residentId(first17 = '11010119900307123'): string {
  return first17 + chineseIdCheckDigit(first17);
}

/** Waits for something that happens asynchronously (a callback, a sweep), failing after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
