import type { TFunction } from 'i18next';
import type { ImportFieldInfo, ImportRecordRef, ImportRowError } from '../../lib/csv-api.ts';
import { fieldErrorText } from '../../i18n/server-errors.ts';
import { paths } from '../../lib/paths.ts';
import { pipelinePaths } from '../../components/opportunity/paths.ts';

type LooseT = (key: string | string[], options?: Record<string, unknown>) => string;

/**
 * A problem of an import row in the user's language: the import's own reasons (a number or date
 * it cannot read, an ambiguous name), else the forms' texts for that field and reason, else the
 * server's message. A cell that could not be read is quoted.
 */
export function rowErrorText(t: TFunction, error: ImportRowError): string {
  const general = fieldErrorText(t, error);
  const text = (t as unknown as LooseT)(`csv.reason.${error.reason}`, { defaultValue: general });
  return error.value ? `${t('csv.import.cellValue', { value: error.value })} ${text}` : text;
}

/** The field's name in the user's language; the row itself for errors without a field. */
export function fieldLabel(t: TFunction, fields: readonly ImportFieldInfo[], key: string, locale: 'de' | 'en'): string {
  if (!key) return t('csv.import.wholeRow');
  const field = fields.find((candidate) => candidate.key === key);
  return field ? field.label[locale] : key;
}

/** Where a record of the report opens; null for one a preview would create. */
export function recordPath(record: ImportRecordRef): string | null {
  if (!record.id) return null;
  switch (record.type) {
    case 'Account':
      return paths.account(record.id);
    case 'Opportunity':
      return pipelinePaths.opportunity(record.id);
    case 'Contact':
      return paths.editContact(record.id);
  }
}
