import { CsvError, parse } from 'csv-parse/sync';
import { ValidationError } from '../errors.ts';

/** What one import may hold: 10,000 rows of a wide sheet fit several times over. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_ROWS = 20_000;

export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRow {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  rowNumber: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  headers: string[];
  /** Data rows; blank ones are left out (their numbers too). */
  rows: CsvRow[];
}

/**
 * Reads a CSV file as Excel and other tools write it: UTF-8 with or without byte order mark,
 * `;` (German Excel), `,` or tab as delimiter, found from the header line, quoted fields with
 * line breaks, CRLF or LF. The first row names the columns.
 */
export function readCsv(text: string, { maxRows = MAX_CSV_ROWS }: { maxRows?: number } = {}): CsvTable {
  if (Buffer.byteLength(text, 'utf8') > MAX_CSV_BYTES) {
    throw ValidationError.field('csv', 'TOO_LARGE', `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB: split it.`);
  }
  const content = text.replace(/^\uFEFF/, '');
  if (!content.trim()) throw ValidationError.field('csv', 'REQUIRED', 'The file is empty.');
  const delimiter = detectDelimiter(content);
  let records: string[][];
  try {
    records = parse(content, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw ValidationError.field('csv', 'INVALID_CSV', `${line ? `Line ${line}: ` : ''}${csvProblem(error.code)}`);
    }
    throw error;
  }
  const [header = [], ...data] = records;
  const headers = header.map((name, index) => name.trim() || `Column ${index + 1}`);
  const rows = data
    .map((cells, index) => ({ rowNumber: index + 2, cells }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (rows.length > maxRows) {
    throw ValidationError.field('csv', 'TOO_MANY_ROWS', `The file has more than ${maxRows} rows: split it.`);
  }
  return { delimiter, headers, rows };
}

/**
 * The delimiter that splits the header into the most columns. Only the header is tried: a `,` in
 * German decimals or a `;` in a text further down must not decide it.
 */
function detectDelimiter(content: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; columns: number } = { delimiter: ',', columns: 1 };
  for (const delimiter of CSV_DELIMITERS) {
    try {
      const [header] = parse(content, { delimiter, relax_column_count: true, relax_quotes: true, to: 1 }) as string[][];
      if (header && header.length > best.columns) best = { delimiter, columns: header.length };
    } catch {
      // A header that does not parse with this delimiter is not split by it.
    }
  }
  return best.delimiter;
}

function csvProblem(code: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is not closed (a " is missing).';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted field goes on after its closing quote.';
    default:
      return 'the file is not valid CSV.';
  }
}
