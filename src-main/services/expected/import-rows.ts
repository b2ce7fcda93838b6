import { documentIssue, LIMITS, phoneIssue, type DocumentType, type ImportProblem, type ImportRowError } from '../../../src-preload/contract';
import { normaliseDocumentNo, normalisePhone } from '../personal-data/match-key';
import { columnOf, documentTypeOf, IMPORT_COLUMNS, type ColumnKey } from './import-columns';
import { MAX_IMPORT_ROWS, type TableRow } from './table';

/** One valid row, ready to become an expected visit. */
export interface ExpectedDraft {
  line: number;
  name: string;
  phone: string;
  documentType: DocumentType;
  documentNo: string;
  carno: string;
  reason: string;
  hostNo: string;
  hostName: string;
  begin: Date;
  end: Date;
  deviceNos: string[];
}

export interface ImportRules {
  now: Date;
  maxVisitHours: number;
  /** The doors a row without any gets. */
  defaultDeviceNos: string[];
  /** The doors K30 knows, when they could be listed (else door numbers are not checked). */
  knownDevices?: ReadonlySet<string>;
}

export interface RowsChecked {
  drafts: ExpectedDraft[];
  errors: ImportRowError[];
  rows: number;
}

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?$/;
const TIME = /^(?:\S+\s+)?(\d{1,2})[:：](\d{2})(?::\d{2})?$/;

function day(value: string): [number, number, number] | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(y, mo - 1, d);
  return probe.getFullYear() === y && probe.getMonth() === mo - 1 && probe.getDate() === d ? [y, mo, d] : undefined;
}

function time(value: string): [number, number] | undefined {
  const m = TIME.exec(value);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h <= 24 && min < 60 && !(h === 24 && min > 0) ? [h, min] : undefined;
}

/**
 * Checks every row of a guest list and reports every problem with its line; the caller keeps the
 * drafts only when there is no error at all (nothing half-imported).
 */
export function checkImportRows(table: TableRow[], rules: ImportRules): RowsChecked {
  const errors: ImportRowError[] = [];
  const fail = (line: number, problem: ImportProblem, column?: ColumnKey) => errors.push(column ? { line, column, problem } : { line, problem });
  const [header, ...body] = table;
  if (!header || body.length === 0) return { drafts: [], errors: [{ line: 0, problem: 'empty-file' }], rows: 0 };
  if (body.length > MAX_IMPORT_ROWS) return { drafts: [], errors: [{ line: 0, problem: 'too-many-rows' }], rows: body.length };

  const index = new Map<ColumnKey, number>();
  header.cells.forEach((cell, i) => {
    const key = columnOf(cell);
    if (key && !index.has(key)) index.set(key, i);
  });
  for (const column of IMPORT_COLUMNS) if (column.required && !index.has(column.key)) fail(header.line, 'missing-column', column.key);
  if (errors.length > 0) return { drafts: [], errors, rows: body.length };

  const drafts: ExpectedDraft[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    const before = errors.length;
    const get = (key: ColumnKey) => {
      const i = index.get(key);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    for (const column of IMPORT_COLUMNS) {
      const value = get(column.key);
      if (column.required && value === '') fail(row.line, 'required', column.key);
      else if (value.length > LIMITS.visitText && column.key !== 'doors') fail(row.line, 'too-long', column.key);
    }
    const phone = get('phone');
    const documentNo = get('documentNo').replace(/\s/g, '');
    const typeText = get('documentType');
    const documentType = typeText === '' ? (documentNo === '' || /^\d{17}[\dXx]$/.test(documentNo) ? 'id-card' : 'other') : documentTypeOf(typeText);
    if (!documentType) fail(row.line, 'document-type', 'documentType');
    else {
      // The registration's own rules (identity-rules.ts): a passport holder's +44 number is fine.
      if (phone !== '' && phoneIssue(phone, documentType)) fail(row.line, 'phone-format', 'phone');
      const document = documentNo === '' ? undefined : documentIssue(documentType, documentNo);
      if (document) fail(row.line, document === 'id-checksum' ? 'id-checksum' : 'document-format', 'documentNo');
    }

    const date = get('date') && day(get('date'));
    const endDate = get('endDate') === '' ? date : day(get('endDate'));
    const from = get('from') && time(get('from'));
    const to = get('to') && time(get('to'));
    if (get('date') && !date) fail(row.line, 'date-format', 'date');
    if (get('endDate') && !endDate) fail(row.line, 'date-format', 'endDate');
    if (get('from') && !from) fail(row.line, 'time-format', 'from');
    if (get('to') && !to) fail(row.line, 'time-format', 'to');
    let begin: Date | undefined;
    let end: Date | undefined;
    if (date && endDate && from && to) {
      begin = new Date(date[0], date[1] - 1, date[2], from[0], from[1]);
      end = new Date(endDate[0], endDate[1] - 1, endDate[2], to[0], to[1]);
      if (end <= begin) fail(row.line, 'end-before-begin', 'to');
      else if (end.getTime() - begin.getTime() > rules.maxVisitHours * 3_600_000) fail(row.line, 'visit-too-long', 'to');
      else if (end <= rules.now) fail(row.line, 'already-ended', 'to');
    }

    const listed = get('doors')
      .split(/[;,，；、\s]+/)
      .filter(Boolean);
    const deviceNos = [...new Set(listed.length > 0 ? listed : rules.defaultDeviceNos)];
    if (deviceNos.length === 0) fail(row.line, 'required', 'doors');
    else if (deviceNos.some((no) => no.length > 32) || (rules.knownDevices && deviceNos.some((no) => !rules.knownDevices!.has(no))))
      fail(row.line, 'unknown-door', 'doors');

    // The same person twice on one day is a typing mistake, not two visits.
    const who = [phone && `p:${normalisePhone(phone)}`, documentNo && `d:${normaliseDocumentNo(documentNo)}`].filter(Boolean);
    const dayKey = date ? date.join('-') : '';
    for (const key of who) {
      if (seen.has(`${dayKey}|${key}`)) {
        fail(row.line, 'duplicate-in-file', key.startsWith('p:') ? 'phone' : 'documentNo');
        break;
      }
    }
    for (const key of who) seen.set(`${dayKey}|${key}`, row.line);

    if (errors.length === before && begin && end && documentType) {
      drafts.push({
        line: row.line,
        name: get('name'),
        phone,
        documentType,
        documentNo,
        carno: get('carno'),
        reason: get('reason'),
        hostNo: get('hostNo'),
        hostName: get('hostName'),
        begin,
        end,
        deviceNos,
      });
    }
  }
  return { drafts: errors.length > 0 ? [] : drafts, errors, rows: body.length };
}
