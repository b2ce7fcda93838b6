/** Pure helpers of the security view (paging, the virtual window, refresh pacing, display). */

/** People per list call on screen: small enough for quick first rows (the muster reads 1 000 a call in main). */
export const PAGE_SIZE = 200;

/** Height of one presence row in px (fixed: the virtual list positions rows by index). */
export const ROW_HEIGHT = 64;

/** Rows rendered above and below the visible ones. */
export const OVERSCAN = 8;

/** The rows to render for a scroll position: the visible ones plus overscan, clamped to the list. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  total: number,
  rowHeight = ROW_HEIGHT,
  overscan = OVERSCAN,
): { first: number; last: number } {
  if (total <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const bottom = Math.ceil((scrollTop + Math.max(0, viewportHeight)) / rowHeight) - 1;
  return { first: Math.max(0, top - overscan), last: Math.min(total - 1, Math.max(top, bottom) + overscan) };
}

/** The 1-based page that holds a 0-based row. */
export const pageOfRow = (row: number, pageSize = PAGE_SIZE) => Math.floor(row / pageSize) + 1;

/**
 * The page to fetch next for a list, or undefined when nothing is needed: the first page while
 * the total is unknown, then the first missing page among those the rows on screen need.
 */
export function nextPageToLoad(
  list: { total: number | null; pages: Record<number, unknown> },
  wanted: { first: number; last: number },
  pageSize = PAGE_SIZE,
): number | undefined {
  if (list.total === null) return 1;
  if (list.total === 0 || wanted.last < wanted.first) return undefined;
  const lastPage = Math.max(1, Math.ceil(list.total / pageSize));
  const from = Math.min(lastPage, pageOfRow(Math.max(0, wanted.first), pageSize));
  const to = Math.min(lastPage, pageOfRow(Math.max(0, wanted.last), pageSize));
  for (let page = from; page <= to; page++) if (!(page in list.pages)) return page;
  return undefined;
}

/**
 * Auto-refresh pacing. One refresh costs 1 + regions (the region list and a count per region, in
 * main) + 1 (the first page of the region shown). Region lists share a budget of 55 calls a
 * minute with everything else; auto-refresh may use about a third of it, and never runs more
 * often than every 30 s.
 */
export const AUTO_REFRESH_MIN_MS = 30_000;
const AUTO_REFRESH_CALLS_PER_MINUTE = 18;

export function refreshIntervalMs(regionCount: number): number {
  const callsPerRefresh = Math.max(0, regionCount) + 2;
  return Math.max(AUTO_REFRESH_MIN_MS, Math.ceil((callsPerRefresh / AUTO_REFRESH_CALLS_PER_MINUTE) * 60_000));
}

/** What stands in for a missing photo: the first character of a Chinese name, initials of others. */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  if (/^[\u3400-\u9fff\uf900-\ufaff]/.test(trimmed)) return trimmed[0];
  const words = trimmed.split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : [...words[0]].slice(0, 2).join('');
  return letters.toUpperCase();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:mm:ss of an ISO time, local (the "last refreshed" clock). Empty when unreadable. */
export function clockTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * K30's entry time (`yyyy-MM-dd HH:mm:ss`, the server's local time) for a row: the time alone
 * when it is today, else date and time. Anything else is shown as given.
 */
export function formatEnterTime(entertime: string, now: Date): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(entertime);
  if (!m) return entertime;
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${m[1]}-${m[2]}-${m[3]}` === today ? `${m[4]}:${m[5]}` : `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
}
