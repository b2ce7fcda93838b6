import type { CellValue } from 'exceljs';
import { loadExcelJS } from './exceljs-loader';
import { UnreadableTableError, type TableRow } from './table';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a person typed. Excel stores dates and times as UTC-based serials (exceljs
 * gives a Date): a time alone (day 1899-12-30) becomes "HH:mm", a day "YYYY-MM-DD", both "YYYY-MM-DD HH:mm".
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    if (value.getUTCFullYear() < 1901) return time;
    return time === '00:00' ? day : `${day} ${time}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    // A formula: its last computed result, never the formula.
    if ('result' in value) return cellText(value.result ?? null);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** The first worksheet's non-empty rows, numbered as Excel numbers them. */
export async function parseXlsx(bytes: Uint8Array): Promise<TableRow[]> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableTableError('not an Excel .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]).trim());
    if (cells.some((c) => c !== '')) rows.push({ line: rowNumber, cells });
  });
  return rows;
}
