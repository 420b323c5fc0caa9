import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { saveFile } from '../../lib/csv-api.ts';
import { widgetCsv, type WidgetColumn } from '../../lib/widget-csv.ts';

interface Props<Row> {
  /** The file's name: `kpi-<name>-<day>.csv`. */
  name: string;
  columns: ReadonlyArray<WidgetColumn<Row>>;
  rows: readonly Row[];
}

/** Downloads the numbers a widget shows (not its records: those export from the records page). */
export function WidgetCsvButton<Row>({ name, columns, rows }: Props<Row>) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const download = () => {
    const blob = new Blob([widgetCsv(columns, rows, locale)], { type: 'text/csv;charset=utf-8' });
    saveFile(blob, `kpi-${name}-${new Date().toISOString().slice(0, 10)}.csv`);
  };
  return (
    <button type="button" className="button button--secondary kpi-export" onClick={download} title={t('kpis.export.hint')} data-testid={`export-${name}`}>
      {t('kpis.export.button')}
    </button>
  );
}
