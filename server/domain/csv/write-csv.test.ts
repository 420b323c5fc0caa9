import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, protectCell } from './write-csv.ts';

describe('protectCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+49 40 123', "'+49 40 123"],
    ['-1+2', "'-1+2"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['Müller GmbH', 'Müller GmbH'],
    ['1234,50', '1234,50'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(protectCell(value)).toBe(expected);
  });
});

describe('csvLines', () => {
  it('quotes what needs it and reads back with the import parser', () => {
    const rows = [['Firma', 'Notiz'], ['Smith; Jones', 'Zeile 1\nZeile 2 "zitiert"'], ['=HYPERLINK("x")', '1234,50']];
    const text = csvLines(rows, ';');
    expect(text.split('\r\n')[0]).toBe('Firma;Notiz');
    expect(parse(text, { delimiter: ';' })).toEqual([
      ['Firma', 'Notiz'],
      ['Smith; Jones', 'Zeile 1\nZeile 2 "zitiert"'],
      ["'=HYPERLINK(\"x\")", '1234,50'],
    ]);
  });
});
