/** CSV for the evacuation muster list: pure, no DOM (unit-tested). */
import type { Muster, MusterPerson } from '../../../src-preload/contract';
import { toCsv } from '../../../src-preload/csv-format';
import type { Translate } from '../i18n/translate';

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
  return toCsv(rows);
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
