import type { FileOut, ImportFormat, Language } from '../../../src-preload/contract';
import { loadExcelJS } from '../expected/exceljs-loader';
import type { VisitRecord } from '../visits/ledger';
import { toCsv } from '../../../src-preload/csv-format';
import { EXPORT_COLUMNS, EXPORT_DOCUMENTS, EXPORT_SHEET, EXPORT_STATES } from './export-labels';
import { visitsInRange } from './visit-log';

export interface ExportOptions {
  from: string;
  to: string;
  format: ImportFormat;
  language: Language;
  /** Full numbers where this PC still holds them (the caller checked the admin PIN session). */
  full: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const local = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export function exportRows(records: VisitRecord[], options: Omit<ExportOptions, 'format'>): string[][] {
  const { language, full } = options;
  const rows = [EXPORT_COLUMNS[language]];
  for (const r of visitsInRange(records, options.from, options.to)) {
    rows.push([
      local(r.createdAt),
      r.visitor.name,
      (full && r.private.phone) || r.visitor.phoneMasked,
      EXPORT_DOCUMENTS[language][r.visitor.documentType],
      (full && r.private.documentNo) || r.visitor.documentMasked,
      r.visitor.carno,
      r.visitor.reason,
      r.host.name || r.host.no,
      local(r.begin),
      local(r.end),
      EXPORT_STATES[language][r.state],
      r.devices.map((d) => d.no).join('; '),
    ]);
  }
  return rows;
}

/** The log of a date range as CSV (cells defused) or XLSX (every cell plain text, never a formula). */
export async function exportVisitLog(records: VisitRecord[], options: ExportOptions): Promise<FileOut> {
  const rows = exportRows(records, options);
  const fileName = `${options.language === 'zh-CN' ? '访问记录' : 'visit-log'}-${options.from}_${options.to}`;
  if (options.format === 'csv') {
    return { fileName: `${fileName}.csv`, mime: 'text/csv', base64: Buffer.from(toCsv(rows), 'utf8').toString('base64') };
  }
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(EXPORT_SHEET[options.language]);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 18));
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${fileName}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer).toString('base64'),
  };
}
