import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport, ImportRowReport } from '../../lib/csv-api.ts';
import { fieldLabel, recordPath, rowErrorText } from './import-text.ts';

interface Props {
  report: ImportReport;
  rows: ImportRowReport[];
  locale: 'de' | 'en';
  /** A preview says what would happen, and shows the values as they would be saved. */
  preview: boolean;
  labelledBy: string;
}

const OUTCOME_STYLE = { IMPORTED: 'won', MERGED: 'open', SKIPPED: 'inactive', FAILED: 'lost' } as const;

/** Rows of a preview or a report: what became of each, its record, and each problem by field. */
export function ImportRows({ report, rows, locale, preview, labelledBy }: Props) {
  const { t } = useTranslation();
  const mapped = report.columns.flatMap((column) => (column.field ? [column.field] : []));
  return (
    <div className="table-wrap">
      <table className="table table--cards" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('csv.import.column.row')}</th>
            <th scope="col">{t('csv.import.column.outcome')}</th>
            {preview ? (
              mapped.map((field) => (
                <th scope="col" key={field.key}>
                  {field.label[locale]}
                </th>
              ))
            ) : (
              <th scope="col">{t('csv.import.column.record')}</th>
            )}
            <th scope="col">{t('csv.import.column.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber} data-testid="import-row" data-outcome={row.outcome}>
              <td className="table__card-title">{row.rowNumber}</td>
              <td data-label={t('csv.import.column.outcome')}>
                <span className={`status status--${OUTCOME_STYLE[row.outcome]}`}>
                  {preview ? t(`csv.import.previewOutcome.${row.outcome}`) : t(`csv.import.outcome.${row.outcome}`)}
                </span>
              </td>
              {preview ? (
                mapped.map((field) => (
                  <td key={field.key} data-label={field.label[locale]}>
                    {row.cells.find((cell) => cell.field === field.key)?.value ?? ''}
                  </td>
                ))
              ) : (
                <td data-label={t('csv.import.column.record')}>
                  <RowRecords row={row} />
                </td>
              )}
              <td data-label={t('csv.import.column.problems')}>
                {row.errors.length > 0 && (
                  <ul className="import-problems" data-testid="row-errors">
                    {row.errors.map((error) => (
                      <li key={`${error.field}-${error.reason}`}>
                        <strong>{fieldLabel(t, report.fields, error.field, locale)}:</strong> {rowErrorText(t, error)}
                      </li>
                    ))}
                  </ul>
                )}
                {preview && row.duplicateOf && <span className="muted">{t('csv.import.duplicateOf', { label: row.duplicateOf.label })}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowRecords({ row }: { row: ImportRowReport }) {
  const { t } = useTranslation();
  const record = row.record ?? row.duplicateOf;
  const recordLink = record && recordPath(record);
  return (
    <>
      {record && (recordLink ? <Link to={recordLink}>{record.label}</Link> : record.label)}
      {row.linked.map((link) => {
        const path = recordPath(link);
        const text = t(`csv.import.linked.${link.type === 'Contact' ? 'Contact' : 'Account'}`, { label: link.label });
        return (
          <div key={`${link.type}-${link.label}`} className="muted">
            {path ? <Link to={path}>{text}</Link> : text} {link.created && t('csv.import.linked.created')}
          </div>
        );
      })}
    </>
  );
}
