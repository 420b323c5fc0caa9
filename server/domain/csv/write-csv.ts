import { stringify } from 'csv-stringify/sync';
import type { CsvDelimiter } from './read-csv.ts';

/** Excel reads a UTF-8 file as UTF-8 only when it starts with the byte order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * before one) gets a leading apostrophe, which spreadsheets show as text (OWASP "CSV injection").
 */
export function protectCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows as CSV lines with CRLF, quoted where a cell holds the delimiter, a quote or a line break. */
export function csvLines(rows: string[][], delimiter: CsvDelimiter): string {
  return stringify(
    rows.map((row) => row.map(protectCell)),
    { delimiter, record_delimiter: 'windows' },
  );
}
