import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { WidgetColumn } from '../../lib/widget-csv.ts';
import { KpiChart } from './KpiChart.tsx';
import { KpiForecastQuery } from './kpi-queries.ts';
import { bucketPeriod, monthPeriod } from './kpi-periods.ts';
import { KpiWidget } from './KpiWidget.tsx';
import { SalesGrid } from './SalesGrid.tsx';
import { StageTable } from './StageTable.tsx';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/** Forecast (now or as of a past day): next 12 months with targets, funnel, by status, stage and close month, sales grid. */
export function ForecastTab({ filters, refresh }: TabProps) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const navigate = useNavigate();
  const { period, scope, asOf } = filters.variables;
  const interval = filters.values.interval === 'MONTH' ? 'MONTH' : 'QUARTER';
  const [{ data, error }] = useQuery({
    query: KpiForecastQuery,
    variables: { period, scope, asOf, interval },
    requestPolicy: refresh ? 'network-only' : 'cache-and-network',
  });
  const forecast = data?.kpis.forecast;
  const months = useMemo(() => (forecast?.byMonth ?? []).map((m) => f.month(m.month)), [forecast, f]);
  const monthSeries = useMemo(
    () => [
      { name: t('kpis.amount'), type: 'bar' as const, data: (forecast?.byMonth ?? []).map((m) => Number(m.amount)) },
      { name: t('kpis.weighted'), type: 'bar' as const, data: (forecast?.byMonth ?? []).map((m) => Number(m.weightedAmount)) },
      { name: t('kpis.target'), type: 'line' as const, data: (forecast?.byMonth ?? []).map((m) => Number(m.target)) },
    ],
    [forecast, t],
  );
  const funnel = forecast?.funnel ?? [];
  const funnelNames = useMemo(() => funnel.map((s) => s.stage.name), [funnel]);
  const funnelSeries = useMemo(() => [{ name: t('kpis.amount'), type: 'bar' as const, data: funnel.map((s) => Number(s.amount)) }], [funnel, t]);
  if (error && !data) return <QueryError error={error} />;
  if (!forecast || !data) return <Loading what={t('kpis.title')} />;
  const records = filters.records;
  const totals: WidgetColumn<{ count: number; amount: string; weightedAmount: string }>[] = [
    { header: t('kpis.csv.count'), kind: 'count', value: (row) => row.count },
    { header: t('kpis.amount'), kind: 'money', value: (row) => row.amount },
    { header: t('kpis.weighted'), kind: 'money', value: (row) => row.weightedAmount },
  ];
  return (
    <div className="kpi-tab">
      <KpiWidget
        title={t('kpis.forecast.byMonth')}
        name="forecast-by-month"
        columns={[{ header: t('kpis.csv.month'), kind: 'day', value: (m) => m.month }, ...totals, { header: t('kpis.target'), kind: 'money', value: (m) => m.target }]}
        rows={forecast.byMonth}
      >
        <KpiChart
          label={t('kpis.forecast.byMonth')}
          testId="forecast-chart"
          categories={months}
          series={monthSeries}
          onSelect={(index) => navigate(records('DEALS_CLOSING', monthPeriod(forecast.byMonth[index].month)))}
        />
      </KpiWidget>
      <StageTable
        title={t('kpis.forecast.funnel')}
        name="funnel"
        testId="funnel-table"
        rows={funnel}
        total={{ header: t('kpis.open'), to: (row) => records('OPPORTUNITIES_OPEN', { stage: row.stage.id }) }}
        figures={[
          { header: t('kpis.entered'), value: (row) => f.count(row.entered), to: (row) => records('FUNNEL_ENTERED', { stage: row.stage.id }) },
          { header: t('kpis.conversion'), value: (row) => f.rate(row.conversionToNext), to: (row) => records('FUNNEL_ADVANCED', { stage: row.stage.id }) },
        ]}
        columns={[
          { header: t('kpis.entered'), kind: 'count', value: (row) => row.entered },
          { header: t('kpis.csv.advanced'), kind: 'count', value: (row) => row.advanced },
          { header: t('kpis.conversion'), kind: 'rate', value: (row) => row.conversionToNext },
        ]}
      >
        <KpiChart label={t('kpis.forecast.funnel')} categories={funnelNames} series={funnelSeries} onSelect={(index) => navigate(records('OPPORTUNITIES_OPEN', { stage: funnel[index].stage.id }))} />
      </StageTable>
      <div className="kpi-columns">
        <KpiWidget
          title={t('kpis.forecast.byStatus')}
          name="forecast-by-status"
          columns={[{ header: t('kpis.csv.status'), kind: 'text', value: (row) => t(`kpis.status.${row.status}`) }, ...totals]}
          rows={forecast.byStatus}
        >
          <ul className="kpi-list">
            {forecast.byStatus.map((row) => (
              <li key={row.status}>
                <Link to={records('OPPORTUNITIES_BY_STATUS', { status: row.status })}>
                  {t(`kpis.status.${row.status}`)}: {f.total(row)} ({t('kpis.weighted')} {f.money(row.weightedAmount)})
                </Link>
              </li>
            ))}
          </ul>
        </KpiWidget>
        <KpiWidget
          title={t('kpis.forecast.byStage')}
          name="forecast-by-stage"
          columns={[{ header: t('kpis.stage'), kind: 'text', value: (row) => row.stage.name }, ...totals]}
          rows={forecast.byStage}
        >
          <ul className="kpi-list" data-testid="forecast-stages">
            {forecast.byStage.map((row) => (
              <li key={row.stage.id}>
                <Link to={records('OPPORTUNITIES_OPEN', { stage: row.stage.id })}>
                  {row.stage.name}: {f.total(row)} ({t('kpis.weighted')} {f.money(row.weightedAmount)})
                </Link>
              </li>
            ))}
          </ul>
        </KpiWidget>
        <KpiWidget
          title={t('kpis.forecast.byCloseMonth')}
          name="forecast-by-close-month"
          columns={[{ header: t('kpis.csv.month'), kind: 'day', value: (row) => row.month }, ...totals]}
          rows={forecast.byCloseMonth}
        >
          <ul className="kpi-list">
            {forecast.byCloseMonth.map((row, index, all) => (
              <li key={row.month}>
                <Link to={records('OPPORTUNITIES_CLOSING', bucketPeriod(all.map((m) => m.month), index, data.kpis.period))}>
                  {f.month(row.month)}: {f.total(row)} ({t('kpis.weighted')} {f.money(row.weightedAmount)})
                </Link>
              </li>
            ))}
          </ul>
        </KpiWidget>
      </div>
      <SalesGrid filters={filters} interval={interval} period={data.kpis.period} rows={forecast.bySalesperson} />
    </div>
  );
}
