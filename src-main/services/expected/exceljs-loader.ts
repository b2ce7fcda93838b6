import type * as ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let loaded: Promise<ExcelJS> | undefined;

/**
 * exceljs (large) is loaded the first time a spreadsheet is read or written, not at start-up.
 * It is CommonJS: under ESM its exports arrive as `default`.
 */
export function loadExcelJS(): Promise<ExcelJS> {
  loaded ??= import('exceljs').then((mod) => (mod as unknown as { default?: ExcelJS }).default ?? mod);
  return loaded;
}
