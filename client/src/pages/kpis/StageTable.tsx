import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WidgetColumn } from '../../lib/widget-csv.ts';
import { KpiWidget } from './KpiWidget.tsx';
import { useFigureFormats } from './useFigureFormats.ts';

interface StageRow {
  stage: { id: string; name: string };
  count: number;
  amount: string;
}

export interface StageFigure<Row> {
  header: string;
  /** The figure as the table prints it. */
  value(row: Row): ReactNode;
  /** The records behind the figure, when it opens them. */
  to?(row: Row): string;
}

interface Props<Row extends StageRow> {
  title: string;
  /** Names the CSV file and the widget's test ids (see KpiWidget). */
  name: string;
  testId: string;
  /** One row a stage, in the pipeline's order. */
  rows: readonly Row[];
  /** The heading of a stage's count and amount, and the records they open. */
  total: { header: string; to(row: Row): string };
  /** The table's figures after the count and amount. */
  figures: ReadonlyArray<StageFigure<Row>>;
  /** The CSV's columns after the stage, count and amount. */
  columns: ReadonlyArray<WidgetColumn<Row>>;
  /** The chart above the table. */
  children?: ReactNode;
}

/**
 * A dashboard widget of figures per stage: a row a stage headed by its name, its count and amount
 * and the other figures opening their records, and the CSV export of the numbers.
 */
export function StageTable<Row extends StageRow>({ title, name, testId, rows, total, figures, columns, children }: Props<Row>) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const shown: ReadonlyArray<StageFigure<Row>> = [{ header: total.header, value: (row) => f.total(row), to: total.to }, ...figures];
  return (
    <KpiWidget
      title={title}
      name={name}
      columns={[
        { header: t('kpis.stage'), kind: 'text', value: (row) => row.stage.name },
        { header: t('kpis.csv.count'), kind: 'count', value: (row) => row.count },
        { header: t('kpis.amount'), kind: 'money', value: (row) => row.amount },
        ...columns,
      ]}
      rows={rows}
    >
      {children}
      <table className="table kpi-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('kpis.stage')}</th>
            {shown.map((figure) => (
              <th key={figure.header} scope="col">
                {figure.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stage.id}>
              <th scope="row">{row.stage.name}</th>
              {shown.map((figure) => (
                <td key={figure.header}>{figure.to ? <Link to={figure.to(row)}>{figure.value(row)}</Link> : figure.value(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </KpiWidget>
  );
}
