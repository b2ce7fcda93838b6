/**
 * The CSV this app writes, from main (audit log, deny list, visit log) and from the page (the
 * muster, abandoned visits), and reads back (deny-list imports, tests): RFC 4180 fields, CRLF
 * lines, a UTF-8 byte order mark for Excel, and cells a spreadsheet never runs. It sits beside the
 * contract because it is the one place both sides may import; no zod, no DOM.
 */

/** Excel reads a file as UTF-8 (Chinese intact) only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * What a spreadsheet may read as the start of a formula or command: = + - @, their full-width
 * forms (some locales convert them), tab, CR, LF, a leading space (Excel skips it and still sees
 * the formula behind it), and | and ; (DDE and list separators in some locales).
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n |;]/;

/**
 * One CSV field: quoted when it holds a comma, a quote, a line break or edge spaces, with quotes
 * doubled. Text that starts like a formula gets a leading apostrophe: names come from the K30
 * server or a visitor, and are not ours to trust.
 */
export function csvField(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of fields → CSV text: the byte order mark, CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Rows of fields from CSV text (quotes, doubled quotes, CRLF or LF; a leading BOM is dropped; blank rows skipped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** A cell as it was before an export defused it (the leading apostrophe goes). */
export function undefuse(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
