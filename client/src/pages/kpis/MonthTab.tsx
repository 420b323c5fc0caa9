import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { FigureCard } from './FigureCard.tsx';
import { KpiChart } from './KpiChart.tsx';
import { KpiMonthQuery } from './kpi-queries.ts';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/** Month: the current month's deals, revenue and forecast, potential per stage and pipeline, top products. */
export function MonthTab({ filters, refresh }: TabProps) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: KpiMonthQuery, variables: { scope: filters.variables.scope }, requestPolicy: refresh ? 'network-only' : 'cache-and-network' });
  const kpis = data?.kpis;
  const stages = kpis?.deals.byStage ?? [];
  const stageSeries = useMemo(
    () => [
      { name: t('kpis.amount'), type: 'bar' as const, data: stages.map((s) => Number(s.amount)) },
      { name: t('kpis.weighted'), type: 'bar' as const, data: stages.map((s) => Number(s.weightedAmount)) },
    ],
    [stages, t],
  );
  const stageNames = useMemo(() => stages.map((s) => s.stage.name), [stages]);
  if (error && !data) return <QueryError error={error} />;
  if (!kpis) return <Loading what={t('kpis.title')} />;
  const records = (figure: string, extra: Record<string, string> = {}) => `/kpis/records?${filters.linkParams({ figure, ...extra })}`;
  return (
    <div className="kpi-tab">
      <div className="kpi-grid">
        <FigureCard label={t('kpis.deals.won')} value={f.total(kpis.deals.won)} to={records('DEALS_WON', { from: kpis.period.from, to: kpis.period.to })} />
        <FigureCard label={t('kpis.deals.lost')} value={f.total(kpis.deals.lost)} to={records('DEALS_LOST', { from: kpis.period.from, to: kpis.period.to })} />
        <FigureCard label={t('kpis.deals.closingThisMonth')} value={f.total(kpis.deals.closingThisMonth)} to={records('DEALS_CLOSING_THIS_MONTH')} />
        <FigureCard label={t('kpis.deals.weightedOpen')} value={f.money(kpis.deals.weightedOpen.amount)} to={records('DEALS_OPEN')} />
        <FigureCard label={t('kpis.revenue.month')} value={f.money(kpis.revenue.month.amount)} detail={t('kpis.invoiceCount', { count: kpis.revenue.month.count })} />
        <FigureCard label={t('kpis.revenue.forecastMonth')} value={f.money(kpis.revenue.forecastMonth.total)} />
      </div>
      <h2>{t('kpis.deals.byStage')}</h2>
      <KpiChart label={t('kpis.deals.byStage')} categories={stageNames} series={stageSeries} onSelect={(index) => navigate(records('DEALS_OPEN', { stage: stages[index].stage.id }))} />
      <div className="kpi-columns">
        <section>
          <h2>{t('kpis.revenue.byPipeline')}</h2>
          <ul className="kpi-list">
            {kpis.revenue.byPipeline.map((row) => (
              <li key={row.pipeline.id}>
                {row.pipeline.name}: {f.money(row.weightedAmount)}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>{t('kpis.products.top')}</h2>
          <ol className="kpi-list">
            {kpis.products.top.map((row) => (
              <li key={row.product.id}>
                {row.product.name}: {f.money(row.revenue.amount)}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
