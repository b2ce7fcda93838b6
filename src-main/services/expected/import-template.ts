import type { FileOut, ImportFormat, Language } from '../../../src-preload/contract';
import { loadExcelJS } from './exceljs-loader';
import { DOCUMENT_TYPE_NAMES, headerRow } from './import-columns';

const HELP: Record<Language, string[][]> = {
  'zh-CN': [
    ['说明'],
    ['每行一位访客；姓名、被访人工号、日期、开始时间、结束时间必填。'],
    ['日期：2026-12-01；时间：09:00；跨天访问填写“结束日期”（不超过系统设置的最长访问时长）。'],
    ['手机号、证件号码可留空，到访签到时补填。'],
    [`证件类型：${DOCUMENT_TYPE_NAMES['zh-CN'].join('、')}（留空按身份证）。`],
    ['门禁设备：设备编号，多个用分号分隔；留空使用默认门禁。'],
    ['任一行有误则整份名单不导入，并列出每个错误的行号和原因。'],
  ],
  en: [
    ['How to fill in'],
    ['One visitor per row; Name, Host number, Date, From and To are required.'],
    ['Date: 2026-12-01; time: 09:00; a visit over several days gets an End date (up to the longest visit set in Settings).'],
    ['Phone and document number may be left empty and filled in at check-in.'],
    [`Document type: ${DOCUMENT_TYPE_NAMES.en.join(', ')} (empty = id-card).`],
    ['Doors: device numbers separated by semicolons; empty = the default doors.'],
    ['If any row is wrong nothing is imported, and every problem is listed with its line number.'],
  ],
};

/** The import template: the header row (CSV with a BOM so Excel reads UTF-8; XLSX with a help sheet). */
export async function importTemplate(format: ImportFormat, language: Language): Promise<FileOut> {
  const headers = headerRow(language);
  const name = language === 'zh-CN' ? '预约访客导入模板' : 'expected-visitors-template';
  if (format === 'csv') {
    const text = `\uFEFF${headers.join(',')}\r\n`;
    return { fileName: `${name}.csv`, mime: 'text/csv', base64: Buffer.from(text, 'utf8').toString('base64') };
  }
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === 'zh-CN' ? '访客' : 'Visitors');
  sheet.addRow(headers).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 16));
  const help = workbook.addWorksheet(language === 'zh-CN' ? '说明' : 'Help');
  for (const row of HELP[language]) help.addRow(row);
  help.getColumn(1).width = 100;
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${name}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer).toString('base64'),
  };
}
