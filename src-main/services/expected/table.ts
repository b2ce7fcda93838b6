/** A spreadsheet read as text: each non-empty row with the line (CSV) or row number (XLSX) a person sees. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** The most rows one import takes (an event's guest list, not a directory). */
export const MAX_IMPORT_ROWS = 2000;

/** Thrown when the file cannot be read as a table at all. */
export class UnreadableTableError extends Error {
  constructor(reason: string) {
    super(`the file cannot be read: ${reason}`);
    this.name = 'UnreadableTableError';
  }
}
