import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { readCsv } from './read-csv.ts';

function problem(text: string, options?: { maxRows?: number }) {
  try {
    readCsv(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors[0];
  }
  throw new Error('expected the file to be refused');
}

describe('readCsv', () => {
  it('reads German Excel: byte order mark, semicolons, decimal commas, CRLF', () => {
    const table = readCsv('\uFEFFFirma;PLZ;Betrag\r\nMüller GmbH;20457;1.234,50\r\nSchmidt AG;80331;99,00\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Firma', 'PLZ', 'Betrag']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['Müller GmbH', '20457', '1.234,50'] },
      { rowNumber: 3, cells: ['Schmidt AG', '80331', '99,00'] },
    ]);
  });

  it('reads commas and tabs, quoted fields with delimiters, quotes and line breaks', () => {
    const comma = readCsv('Company,Notes,Amount\n"Smith, Jones & Co","Line one\nline two ""quoted""","1,234.50"\nAcme,,5\n');
    expect(comma.delimiter).toBe(',');
    expect(comma.rows[0].cells).toEqual(['Smith, Jones & Co', 'Line one\nline two "quoted"', '1,234.50']);
    // The multi-line field does not shift the numbers: they are the spreadsheet's rows.
    expect(comma.rows[1]).toEqual({ rowNumber: 3, cells: ['Acme', '', '5'] });
    expect(readCsv('Name\tOrt\nNordwind\tKiel\n')).toMatchObject({ delimiter: '\t', rows: [{ cells: ['Nordwind', 'Kiel'] }] });
  });

  it('takes the delimiter from the header, not from decimal commas further down', () => {
    expect(readCsv('Firma;Betrag\nA;1,5\nB;2,5\n').rows[0].cells).toEqual(['A', '1,5']);
  });

  it('skips blank rows but keeps counting them, names unnamed columns and accepts short rows', () => {
    const table = readCsv('Firma;;Ort\n\nA;x\n;;\nB;y;Bonn\n');
    expect(table.headers).toEqual(['Firma', 'Column 2', 'Ort']);
    expect(table.rows).toEqual([
      { rowNumber: 3, cells: ['A', 'x'] },
      { rowNumber: 5, cells: ['B', 'y', 'Bonn'] },
    ]);
  });

  it('accepts a stray quote inside an unquoted field', () => {
    expect(readCsv('Name;Notiz\nA;12" Monitor\n').rows[0].cells).toEqual(['A', '12" Monitor']);
  });

  it('refuses empty, broken, too long and too large files with a reason', () => {
    expect(problem('')).toMatchObject({ field: 'csv', reason: 'REQUIRED' });
    expect(problem('\uFEFF \n')).toMatchObject({ reason: 'REQUIRED' });
    expect(problem('Name;Notiz\nA;"not closed\nB;x\n')).toMatchObject({ reason: 'INVALID_CSV', message: expect.stringContaining('not closed') });
    expect(problem('Name\nA\nB\nC\n', { maxRows: 2 })).toMatchObject({ reason: 'TOO_MANY_ROWS' });
    expect(problem(`Name\n${'x'.repeat(21 * 1024 * 1024)}\n`)).toMatchObject({ reason: 'TOO_LARGE' });
  });
});
