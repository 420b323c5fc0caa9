import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../lib/csv-api.ts';

interface Props {
  report: ImportReport;
  locale: 'de' | 'en';
  disabled: boolean;
  onChange(columnIndex: number, fieldKey: string | null): void;
}

/** Each column of the file with its examples and the field it is read as, which the user may change. */
export function ImportMapping({ report, locale, disabled, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">{t('csv.import.mapping.title')}</h2>
      <p className="muted">{t('csv.import.mapping.hint')}</p>
      <div className="table-wrap">
        <table className="table table--cards" aria-labelledby="import-mapping-title">
          <thead>
            <tr>
              <th scope="col">{t('csv.import.mapping.column')}</th>
              <th scope="col">{t('csv.import.mapping.samples')}</th>
              <th scope="col">{t('csv.import.mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {report.columns.map((column, index) => (
              <tr key={`${index}-${column.header}`} data-testid="mapping-row">
                <td className="table__card-title">{column.header}</td>
                <td data-label={t('csv.import.mapping.samples')} className="muted">
                  {column.samples.join(' · ')}
                </td>
                <td data-label={t('csv.import.mapping.field')}>
                  <select
                    className="input input--compact"
                    aria-label={t('csv.import.mapping.fieldFor', { column: column.header })}
                    value={column.field?.key ?? ''}
                    disabled={disabled}
                    onChange={(event) => onChange(index, event.target.value || null)}
                  >
                    <option value="">{t('csv.import.mapping.ignore')}</option>
                    {report.fields.map((field) => (
                      <option key={field.key} value={field.key}>
                        {field.label[locale]}
                        {field.required ? ' *' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
