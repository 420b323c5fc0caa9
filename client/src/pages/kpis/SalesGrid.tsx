import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WidgetColumn } from '../../lib/widget-csv.ts';
import { bucketPeriod } from './kpi-periods.ts';
import { KpiWidget } from './KpiWidget.tsx';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

type Total = { count: number; amount: string };
interface SalespersonRow {
  user: { id: string; name: string };
  buckets: Array<{ start: string; won: Total; open: Total }>;
}

export const SALES_GRID_INTERVALS = ['MONTH', 'QUARTER'] as const;

interface Props {
  filters: TabProps['filters'];
  interval: (typeof SALES_GRID_INTERVALS)[number];
  period: { from: string; to: string };
  rows: readonly SalespersonRow[];
}

/**
 * forecast.bySalesperson: per owner and month or quarter (switched in the URL), won amount and open
 * pipeline; each amount opens the owner's deals won in the bucket, or open ones expected to close then.
 */
export function SalesGrid({ filters, interval, period, rows }: Props) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const starts = rows[0]?.buckets.map((bucket) => bucket.start) ?? [];
  const bucketName = (start: string) =>
    interval === 'MONTH' ? f.month(start) : t('kpis.interval.quarterOf', { quarter: Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1, year: start.slice(0, 4) });
  const won = t('kpis.csv.won');
  const open = t('kpis.csv.openPipeline');
  const columns: WidgetColumn<SalespersonRow>[] = [
    { header: t('kpis.person'), kind: 'text', value: (row) => row.user.name },
    ...starts.flatMap((start, index) => [
      { header: `${bucketName(start)} ${won}`, kind: 'money' as const, value: (row: SalespersonRow) => row.buckets[index]?.won.amount },
      { header: `${bucketName(start)} ${open}`, kind: 'money' as const, value: (row: SalespersonRow) => row.buckets[index]?.open.amount },
    ]),
  ];
  const switcher = (
    <div className="kpi-switch" role="group" aria-label={t('kpis.filter.interval')}>
      {SALES_GRID_INTERVALS.map((choice) => (
        <button key={choice} type="button" className="button button--secondary" aria-pressed={interval === choice} onClick={() => filters.update({ interval: choice })}>
          {t(`kpis.interval.${choice}`)}
        </button>
      ))}
    </div>
  );
  return (
    <KpiWidget title={t('kpis.forecast.bySalesperson')} name="sales-grid" columns={columns} rows={rows} actions={switcher}>
      <div className="kpi-scroll">
        <table className="table kpi-table" data-testid="sales-grid">
          <thead>
            <tr>
              <th scope="col">{t('kpis.person')}</th>
              {starts.map((start) => (
                <th scope="col" key={start}>{bucketName(start)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.user.id}>
                <th scope="row">{row.user.name}</th>
                {row.buckets.map((bucket, index) => {
                  const cell = { owner: row.user.id, ...bucketPeriod(starts, index, period) };
                  return (
                    <td key={bucket.start}>
                      <Link to={filters.records('DEALS_WON', cell)} title={won}>{f.money(bucket.won.amount)}</Link>
                      {' / '}
                      <Link to={filters.records('DEALS_CLOSING', cell)} title={open}>{f.money(bucket.open.amount)}</Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </KpiWidget>
  );
}
