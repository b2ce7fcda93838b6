/** The roll call's arithmetic and CSV: pure, no DOM (unit-tested). */
import type { MusterPerson, RollCall } from '../../../src-preload/contract';
import type { Translate } from '../i18n/translate';
import { toCsv } from '../../../src-preload/csv-format';
import { doorText, regionPathText } from './csv';

export interface RollCallCount {
  /** People placed in this region and its sub-regions. */
  total: number;
  /** Of those, not yet marked safe. */
  unaccounted: number;
}

/**
 * Per region (with its sub-regions, like the muster's counts): how many are on the list and how
 * many are still unaccounted for. Regions come in tree order, so children are summed into parents
 * in one pass from the end.
 */
export function rollCallCounts(rollCall: Pick<RollCall, 'muster' | 'safe'>): Map<string, RollCallCount> {
  const counts = new Map<string, RollCallCount>(rollCall.muster.regions.map((r) => [r.no, { total: 0, unaccounted: 0 }]));
  for (const person of rollCall.muster.people) {
    const count = counts.get(person.regionNo);
    if (!count) continue;
    count.total++;
    if (!rollCall.safe[person.no]) count.unaccounted++;
  }
  for (const region of [...rollCall.muster.regions].reverse()) {
    const parent = counts.get(region.parentno);
    const own = counts.get(region.no)!;
    if (parent) {
      parent.total += own.total;
      parent.unaccounted += own.unaccounted;
    }
  }
  return counts;
}

/** Everyone on the list, and how many are still unaccounted for. */
export function rollCallTotals(rollCall: Pick<RollCall, 'muster' | 'safe'>): RollCallCount {
  const total = rollCall.muster.people.length;
  return { total, unaccounted: rollCall.muster.people.filter((p) => !rollCall.safe[p.no]).length };
}

/** People matching a search (name, department or region), unaccounted first when asked. */
export function rollCallRows(rollCall: Pick<RollCall, 'muster' | 'safe'>, query: string, onlyUnaccounted: boolean): MusterPerson[] {
  const q = query.trim().toLowerCase();
  return rollCall.muster.people.filter(
    (p) =>
      (!onlyUnaccounted || !rollCall.safe[p.no]) &&
      (!q || p.name.toLowerCase().includes(q) || p.deptname.toLowerCase().includes(q) || regionPathText(p).toLowerCase().includes(q)),
  );
}

export const ROLL_CALL_COLUMNS = [
  'security.col.region',
  'security.col.name',
  'security.col.dept',
  'security.col.phone',
  'security.col.enteredAt',
  'security.col.device',
  'rollCall.col.status',
  'rollCall.col.markedAt',
] as const;

/** The roll call's result: everyone with safe / unaccounted and when they were marked. */
export function rollCallCsv(rollCall: Pick<RollCall, 'muster' | 'safe'>, t: Translate, time: (iso: string) => string): string {
  const rows: string[][] = [ROLL_CALL_COLUMNS.map((key) => t(key))];
  for (const p of rollCall.muster.people) {
    const at = rollCall.safe[p.no];
    rows.push([
      regionPathText(p),
      p.name,
      p.deptname,
      p.phone,
      p.entertime,
      doorText(p),
      at ? t('rollCall.safe') : t('rollCall.unaccounted'),
      at ? time(at) : '',
    ]);
  }
  return toCsv(rows);
}

/** How old a kept list is, in words ("12 minutes ago"). */
export function ageText(iso: string, now: Date, t: Translate): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return t('age.justNow');
  if (minutes < 120) return t('age.minutes', { count: minutes });
  return t('age.hours', { count: Math.floor(minutes / 60) });
}
