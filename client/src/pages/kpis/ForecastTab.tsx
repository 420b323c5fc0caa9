import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { KpiChart } from './KpiChart.tsx';
import { KpiForecastQuery } from './kpi-queries.ts';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/** Forecast (now or as of a past day): next 12 months with targets, funnel, by status, sales grid. */
export function ForecastTab({ filters, refresh }: TabProps) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const navigate = useNavigate();
  const { period, scope, asOf } = filters.variables;
  const [{ data, error }] = useQuery({ query: KpiForecastQuery, variables: { period, scope, asOf }, requestPolicy: refresh ? 'network-only' : 'cache-and-network' });
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
  if (!forecast) return <Loading what={t('kpis.title')} />;
  const records = (figure: string, extra: Record<string, string> = {}) => `/kpis/records?${filters.linkParams({ figure, ...extra })}`;
  return (
    <div className="kpi-tab">
      <h2>{t('kpis.forecast.byMonth')}</h2>
      <KpiChart label={t('kpis.forecast.byMonth')} testId="forecast-chart" categories={months} series={monthSeries} />
      <h2>{t('kpis.forecast.funnel')}</h2>
      <KpiChart label={t('kpis.forecast.funnel')} categories={funnelNames} series={funnelSeries} onSelect={(index) => navigate(records('OPPORTUNITIES_OPEN', { stage: funnel[index].stage.id }))} />
      <table className="table kpi-table" data-testid="funnel-table">
        <thead>
          <tr>
            <th scope="col">{t('kpis.stage')}</th>
            <th scope="col">{t('kpis.open')}</th>
            <th scope="col">{t('kpis.entered')}</th>
            <th scope="col">{t('kpis.conversion')}</th>
          </tr>
        </thead>
        <tbody>
          {funnel.map((row) => (
            <tr key={row.stage.id}>
              <th scope="row">{row.stage.name}</th>
              <td>{f.total(row)}</td>
              <td>{f.count(row.entered)}</td>
              <td>{f.rate(row.conversionToNext)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('kpis.forecast.byStatus')}</h2>
      <ul className="kpi-list">
        {forecast.byStatus.map((row) => (
          <li key={row.status}>
            {t(`kpis.status.${row.status}`)}: {f.total(row)} ({t('kpis.weighted')} {f.money(row.weightedAmount)})
          </li>
        ))}
      </ul>
      <h2>{t('kpis.forecast.bySalesperson')}</h2>
      <table className="table kpi-table">
        <thead>
          <tr>
            <th scope="col">{t('kpis.person')}</th>
            {(forecast.bySalesperson[0]?.buckets ?? []).map((bucket) => (
              <th scope="col" key={bucket.start}>{f.month(bucket.start)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {forecast.bySalesperson.map((row) => (
            <tr key={row.user.id}>
              <th scope="row">{row.user.name}</th>
              {row.buckets.map((bucket) => (
                <td key={bucket.start}>
                  {f.money(bucket.won.amount)} / {f.money(bucket.open.amount)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
