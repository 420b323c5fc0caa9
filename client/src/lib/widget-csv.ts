import { stringify } from 'csv-stringify/browser/esm/sync';
import type { AppLocale } from '../i18n/locale.ts';

/** How a column's values are written: as text, or as numbers and days a spreadsheet of that language reads. */
export type WidgetCellKind = 'text' | 'money' | 'count' | 'rate' | 'days' | 'day';

export interface WidgetColumn<Row> {
  header: string;
  kind: WidgetCellKind;
  value: (row: Row) => string | number | null | undefined;
}

/** Excel reads a UTF-8 file as UTF-8 only when it starts with the byte order mark. */
const UTF8_BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first)
 * gets a leading apostrophe, as the server's exports do (OWASP "CSV injection"). Numbers are
 * written without it: a negative amount stays a number.
 */
const protect = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

// Intl formats a decimal string exactly (no binary floating point), without grouping so every tool reads it.
const decimals = (locale: AppLocale, digits: number) =>
  new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-US', { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits });

function cellWriter(locale: AppLocale) {
  const money = decimals(locale, 2);
  const rate = decimals(locale, 4);
  const days = decimals(locale, 1);
  return (kind: WidgetCellKind, value: string | number | null | undefined): string => {
    if (value === null || value === undefined || value === '') return '';
    switch (kind) {
      case 'text':
        return protect(String(value));
      case 'money':
        return money.format(value as Intl.StringNumericLiteral);
      case 'rate':
        return rate.format(value as Intl.StringNumericLiteral);
      case 'days':
        return days.format(value as Intl.StringNumericLiteral);
      case 'count':
        return String(value);
      case 'day': {
        const [year, month, day] = String(value).slice(0, 10).split('-');
        return locale === 'de' ? `${day}.${month}.${year}` : `${year}-${month}-${day}`;
      }
    }
  };
}

/**
 * The figures a widget shows as a CSV file for Excel in the user's language, as the list exports
 * write them: German `;` and 1234,50 and 31.12.2026, English `,` and 1234.50 and 2026-12-31;
 * rates as fractions, CRLF lines, quoted where needed (csv-stringify), with the byte order mark.
 */
export function widgetCsv<Row>(columns: ReadonlyArray<WidgetColumn<Row>>, rows: readonly Row[], locale: AppLocale): string {
  const write = cellWriter(locale);
  const records = [columns.map((column) => protect(column.header)), ...rows.map((row) => columns.map((column) => write(column.kind, column.value(row))))];
  return UTF8_BOM + stringify(records, { delimiter: locale === 'de' ? ';' : ',', record_delimiter: 'windows' });
}
