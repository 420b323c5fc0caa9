import type { ReactNode } from 'react';
import type { WidgetColumn } from '../../lib/widget-csv.ts';
import { WidgetCsvButton } from './WidgetCsvButton.tsx';

interface Props<Row> {
  title: string;
  /** Names the CSV file and the test ids: `kpi-<name>-<day>.csv`. */
  name: string;
  /** The numbers the widget shows, as its CSV export writes them. */
  columns: ReadonlyArray<WidgetColumn<Row>>;
  rows: readonly Row[];
  /** Controls beside the title (e.g. month or quarter). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A chart, table or group of figures with its title and the CSV export of its numbers. */
export function KpiWidget<Row>({ title, name, columns, rows, actions, children }: Props<Row>) {
  return (
    <section className="kpi-widget" aria-label={title} data-testid={`widget-${name}`}>
      <div className="kpi-widget__header">
        <h2>{title}</h2>
        {actions}
        <WidgetCsvButton name={name} columns={columns} rows={rows} />
      </div>
      {children}
    </section>
  );
}
