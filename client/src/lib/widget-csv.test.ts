import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { widgetCsv, type WidgetColumn } from './widget-csv.ts';

interface Row {
  name: string;
  month: string;
  count: number;
  amount: string;
  rate: number | null;
}

const columns: WidgetColumn<Row>[] = [
  { header: 'Name', kind: 'text', value: (row) => row.name },
  { header: 'Month', kind: 'day', value: (row) => row.month },
  { header: 'Count', kind: 'count', value: (row) => row.count },
  { header: 'Amount', kind: 'money', value: (row) => row.amount },
  { header: 'Rate', kind: 'rate', value: (row) => row.rate },
];
const rows: Row[] = [
  { name: 'Müller; "Nord"', month: '2026-03-01', count: 3, amount: '1234567.505', rate: 0.33333 },
  { name: '=HYPERLINK("x")', month: '2026-12-01', count: 0, amount: '-12.5', rate: null },
];

describe('widgetCsv', () => {
  it('writes English files with commas, decimal points, ISO days and the byte order mark', () => {
    const text = widgetCsv(columns, rows, 'en');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    expect(parse(text, { bom: true })).toEqual([
      ['Name', 'Month', 'Count', 'Amount', 'Rate'],
      ['Müller; "Nord"', '2026-03-01', '3', '1234567.51', '0.3333'],
      ["'=HYPERLINK(\"x\")", '2026-12-01', '0', '-12.50', ''],
    ]);
  });

  it('writes German files with semicolons, decimal commas and German days; quotes what needs it', () => {
    const text = widgetCsv(columns, rows, 'de');
    expect(text.split('\r\n')[1]).toBe('"Müller; ""Nord""";01.03.2026;3;1234567,51;0,3333');
    expect(parse(text, { bom: true, delimiter: ';' })[2]).toEqual(["'=HYPERLINK(\"x\")", '01.12.2026', '0', '-12,50', '']);
  });
});
