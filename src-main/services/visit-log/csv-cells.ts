/**
 * CSV cells a spreadsheet never runs: the same rule as the muster's export (renderer security/csv.ts):
 * text starting with = + - @ (or their full-width forms), tab, CR, LF, a space, | or ; gets a
 * leading apostrophe; fields with commas, quotes, line breaks or edge spaces are quoted.
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n |;]/;

export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** With a BOM (Excel then reads UTF-8) and CRLF line ends. */
export function toCsvText(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
