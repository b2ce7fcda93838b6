/** The K30 admin's report of abandoned registrations, as CSV: pure, no DOM (unit-tested). */
import type { Language, Visit } from '../../../src-preload/contract';
import type { MessageKey, Translate } from '../i18n/translate';
import { formatDateTime } from '../lib/datetime';
import { toCsv } from '../../../src-preload/csv-format';

const COLUMNS: MessageKey[] = [
  'report.col.visitId',
  'report.col.name',
  'report.col.phone',
  'report.col.document',
  'report.col.host',
  'report.col.begin',
  'report.col.end',
  'report.col.registeredAt',
  'report.col.abandonedAt',
];

/** Visits given up with their outcome unknown: K30 may keep an unpushed visitor for each. */
export function abandonedVisits(visits: readonly Visit[]): Visit[] {
  return visits.filter((v) => v.state === 'abandoned').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * One row per abandoned visit, with what the admin needs to find the visitor in the K30 software
 * (name, masked phone and document, host, times). No K30 number: none was ever known.
 */
export function abandonedReportCsv(visits: readonly Visit[], t: Translate, language: Language): string {
  const when = (iso: string | undefined) => (iso ? formatDateTime(iso, language) : '');
  const rows = abandonedVisits(visits).map((v) => [
    v.id,
    v.visitor.name,
    v.visitor.phoneMasked,
    `${t(`doc.${v.visitor.documentType}`)} ${v.visitor.documentMasked}`,
    v.host.name,
    when(v.begin),
    when(v.end),
    when(v.createdAt),
    when(v.history.findLast((h) => h.event === 'abandoned')?.at),
  ]);
  return toCsv([COLUMNS.map((key) => t(key)), ...rows]);
}
