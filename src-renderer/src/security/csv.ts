/** CSV for the evacuation muster list: pure, no DOM (unit-tested). */
import type { Muster, MusterPerson } from '../../../src-preload/contract';
import type { Translate } from '../i18n/translate';

/** Excel reads a file as UTF-8 (Chinese intact) only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * What a spreadsheet may read as the start of a formula or command: = + - @, their full-width
 * forms (some locales convert them), tab, CR, LF, a leading space (Excel skips it and still sees
 * the formula behind it), and | and ; (DDE and list separators in some locales).
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n |;]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces,
 * with quotes doubled. Text that starts like a formula (FORMULA_START) gets a leading apostrophe:
 * names come from the K30 server and are not ours to trust.
 */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of fields → CSV text with CRLF line ends (what Excel and RFC 4180 expect). */
export function toCsv(rows: readonly (readonly (string | number | boolean)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const MUSTER_COLUMNS = [
  'security.col.region',
  'security.col.name',
  'security.col.dept',
  'security.col.visitor',
  'security.col.host',
  'security.col.phone',
  'security.col.enteredAt',
  'security.col.device',
  'security.col.overstay',
] as const;

/** The region path as one cell: top region first. */
export const regionPathText = (p: Pick<MusterPerson, 'regionPath'>) => p.regionPath.join(' / ');

/** The door's name, or its number when main did not know it. */
export const doorText = (p: Pick<MusterPerson, 'doorName' | 'deviceno'>) => p.doorName || p.deviceno;

/**
 * The muster as CSV: a header row in the current language, then one row per person (each person
 * once, in the region they entered last), region by region.
 */
export function musterCsv(muster: Pick<Muster, 'people'>, t: Translate): string {
  const yes = t('security.csv.yes');
  const no = t('security.csv.no');
  const rows: string[][] = [MUSTER_COLUMNS.map((key) => t(key))];
  for (const p of muster.people) {
    rows.push([regionPathText(p), p.name, p.deptname, p.visitor ? yes : no, p.hostName, p.phone, p.entertime, doorText(p), p.overstay ? yes : no]);
  }
  return UTF8_BOM + toCsv(rows);
}

/** A file name for the muster: region (or "all") and local time, without characters file systems refuse. */
export function musterFileName(scopeName: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  // Control characters are exactly what a file name must not carry.
  // oxlint-disable-next-line no-control-regex
  const safe = scopeName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'muster';
  return `muster-${safe}-${stamp}.csv`;
}

/** Parses CSV produced by toCsv (for tests and round trips): fields, quotes, CRLF. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      // the \n ends the row
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
