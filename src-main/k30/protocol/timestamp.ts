const p = (n: number, w = 2) => String(n).padStart(w, '0');

/** K30 timestamps: local time as `yyyyMMddHHmmssfff` (17 digits). */
export function k30Timestamp(date: Date = new Date()): string {
  return (
    `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}` +
    `${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}${p(date.getMilliseconds(), 3)}`
  );
}

/** The number the digits text[from, to) spell (0 for none); the caller has checked they are digits. */
function digitsValue(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + text.charCodeAt(i) - 48;
  return v;
}

/**
 * Reads a K30 timestamp back as a local Date. Examples of both 17 and 16 digits exist (the
 * milliseconds printed without padding), so 14 to 17 digits are accepted.
 */
export function parseK30Timestamp(text: unknown): Date | undefined {
  // Digits read by hand, not by a regex and seven slices, and no closure: every answer's timestamp passes here.
  if (typeof text !== 'string' || text.length < 14 || text.length > 17) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = digitsValue;
  const date = new Date(n(text, 0, 4), n(text, 4, 6) - 1, n(text, 6, 8), n(text, 8, 10), n(text, 10, 12), n(text, 12, 14), n(text, 14, text.length));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Dates in K30 call data: `yyyy-MM-dd HH:mm:ss`, local time. */
export function k30DateTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}

/** Dates-only fields (record list, attendance): `yyyy-MM-dd`. */
export function k30Date(date: Date): string {
  return k30DateTime(date).slice(0, 10);
}

export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd`) as local time, checking the calendar. */
export function parseK30DateTime(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const date = new Date(y, mo - 1, d, h, mi, s);
  const valid =
    date.getFullYear() === y &&
    date.getMonth() === mo - 1 &&
    date.getDate() === d &&
    date.getHours() === h &&
    date.getMinutes() === mi &&
    date.getSeconds() === s;
  return valid ? date : undefined;
}
