import type { AuditEntry } from '../../../src-preload/contract';
import { toCsv } from '../../../src-preload/csv-format';

export const AUDIT_CSV_COLUMNS = ['at', 'station', 'actor', 'staff', 'role', 'action', 'outcome', 'visitId', 'detail'] as const;

/** The audit log as CSV (codes, not translations: it is evidence, read by tools as well as people). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv([
    [...AUDIT_CSV_COLUMNS],
    ...entries.map((e) => [
      e.at,
      e.actor.station,
      e.actor.kind,
      e.actor.staffName ?? '',
      e.actor.role ?? '',
      e.action,
      e.outcome,
      e.visitId ?? '',
      e.detail ?? '',
    ]),
  ]);
}
