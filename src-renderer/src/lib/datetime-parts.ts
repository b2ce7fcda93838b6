/**
 * The app's own date-time entry (Chromium draws `datetime-local` in the system's locale, so a
 * Chinese screen showed "12/01/2026, 07:04 PM"): a day chosen from a list written in the app's
 * language, and the hour and minute on a 24-hour clock. These helpers split and join the draft's
 * "YYYY-MM-DDTHH:mm" value and list the days. Pure (unit-tested).
 */
import type { Language } from '../../../src-preload/contract';
import { parseLocalInput, toLocalInput } from './datetime';

export interface DateTimeParts {
  /** YYYY-MM-DD */
  date: string;
  /** 00–23 */
  hour: string;
  /** 00–59 */
  minute: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function splitLocal(value: string): DateTimeParts | null {
  const date = parseLocalInput(value);
  if (!date) return null;
  const local = toLocalInput(date);
  return { date: local.slice(0, 10), hour: local.slice(11, 13), minute: local.slice(14, 16) };
}

export function joinLocal(parts: DateTimeParts): string {
  return `${parts.date}T${parts.hour}:${parts.minute}`;
}

export const HOURS: readonly string[] = Array.from({ length: 24 }, (_, i) => pad(i));
export const MINUTES: readonly string[] = Array.from({ length: 60 }, (_, i) => pad(i));

/** The days offered: yesterday to 90 days ahead (the longest visit is 30 days), and the chosen one. */
export const DAYS_BEFORE = 1;
export const DAYS_AFTER = 90;

const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/** "2026年12月1日周二" / "Tue, Dec 1, 2026". */
export function formatDay(date: Date, language: Language): string {
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });
    dayFormats.set(language, format);
  }
  return format.format(date);
}

const dayKey = (date: Date) => toLocalInput(date).slice(0, 10);

/**
 * The day list around `today` ('YYYY-MM-DD'): `{ value, label }`, oldest first; today and tomorrow are named
 * (`relative` gives their words, e.g. "今天"), and a chosen day outside the range is kept in it.
 */
export function dayChoices(
  today: string,
  chosen: string | undefined,
  language: Language,
  relative: { today: string; tomorrow: string },
): { value: string; label: string }[] {
  const now = parseLocalInput(`${today}T00:00`);
  if (!now) return [];
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - DAYS_BEFORE);
  const tomorrow = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
  const days: Date[] = [];
  for (let i = 0; i <= DAYS_BEFORE + DAYS_AFTER; i++) days.push(new Date(start.getFullYear(), start.getMonth(), start.getDate() + i));
  const chosenDate = chosen ? parseLocalInput(`${chosen}T00:00`) : null;
  if (chosenDate && !days.some((d) => dayKey(d) === chosen)) {
    days.push(chosenDate);
    days.sort((a, b) => a.getTime() - b.getTime());
  }
  return days.map((d) => {
    const value = dayKey(d);
    const name = value === today ? relative.today : value === tomorrow ? relative.tomorrow : '';
    return { value, label: name ? `${name} · ${formatDay(d, language)}` : formatDay(d, language) };
  });
}
