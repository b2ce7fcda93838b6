import { LIMITS, type DenyImportResult } from '../../../src-preload/contract';
import { parseCsv, toCsv, undefuse } from '../../../src-preload/csv-format';
import type { NewDenyEntry, StoredDenyEntry } from './deny-list';

/** The export's columns: last digits and this install's keyed hashes, never a clear number. */
export const DENY_EXPORT_COLUMNS = ['id', 'name', 'documentHint', 'phoneHint', 'reason', 'addedBy', 'addedAt', 'expiresAt', 'documentKey', 'phoneKey'] as const;

export function denyListCsv(entries: readonly StoredDenyEntry[]): string {
  return toCsv([[...DENY_EXPORT_COLUMNS], ...entries.map((e) => DENY_EXPORT_COLUMNS.map((c) => e[c] ?? ''))]);
}

/** Header names an import understands (English as exported, or the Chinese a person types). */
const ALIASES: Record<string, keyof NewDenyEntry> = {
  name: 'name',
  姓名: 'name',
  documentno: 'documentNo',
  document: 'documentNo',
  证件号码: 'documentNo',
  身份证号: 'documentNo',
  phone: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  reason: 'reason',
  原因: 'reason',
  expiresat: 'expiresAt',
  有效期至: 'expiresAt',
  documentkey: 'documentKey',
  phonekey: 'phoneKey',
  documenthint: 'documentHint',
  phonehint: 'phoneHint',
};

const HASH = /^[0-9a-f]{64}$/;

/**
 * Rows to entries: a row needs a name, a reason, and a document number or phone (or, from an
 * export of this install, their keyed hashes). Rows that fail are named with a code, not kept.
 */
export function parseDenyCsv(text: string): { entries: NewDenyEntry[]; rejected: DenyImportResult['rejected'] } {
  const [header = [], ...rows] = parseCsv(text);
  const columns = header.map((h) => ALIASES[h.trim().toLowerCase()]);
  const entries: NewDenyEntry[] = [];
  const rejected: DenyImportResult['rejected'] = [];
  rows.forEach((cells, index) => {
    const row = index + 1;
    const value: Partial<Record<keyof NewDenyEntry, string>> = {};
    columns.forEach((column, i) => {
      if (column && cells[i] !== undefined) value[column] = undefuse(cells[i].trim());
    });
    const documentKey = value.documentKey && HASH.test(value.documentKey) ? value.documentKey : undefined;
    const phoneKey = value.phoneKey && HASH.test(value.phoneKey) ? value.phoneKey : undefined;
    if (!value.name) return void rejected.push({ row, problem: 'missing-name' });
    if (!value.reason) return void rejected.push({ row, problem: 'missing-reason' });
    if (!value.documentNo && !value.phone && !documentKey && !phoneKey) return void rejected.push({ row, problem: 'missing-number' });
    if (
      value.name.length > LIMITS.visitText ||
      value.reason.length > LIMITS.denyReason ||
      (value.documentNo?.length ?? 0) > LIMITS.visitText ||
      (value.phone?.length ?? 0) > 24
    ) {
      return void rejected.push({ row, problem: 'too-long' });
    }
    if (value.expiresAt && Number.isNaN(Date.parse(value.expiresAt))) return void rejected.push({ row, problem: 'bad-expiry' });
    entries.push({
      name: value.name,
      reason: value.reason,
      ...(value.documentNo ? { documentNo: value.documentNo } : documentKey ? { documentKey, documentHint: value.documentHint ?? '' } : {}),
      ...(value.phone ? { phone: value.phone } : phoneKey ? { phoneKey, phoneHint: value.phoneHint ?? '' } : {}),
      ...(value.expiresAt ? { expiresAt: new Date(value.expiresAt).toISOString() } : {}),
    });
  });
  return { entries, rejected };
}
