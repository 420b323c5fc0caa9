import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { FigureCard } from './FigureCard.tsx';
import { KpiChart } from './KpiChart.tsx';
import { KpiOverviewQuery } from './kpi-queries.ts';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/** Overview: revenue target vs actual, cash flow, leads and deals, documents, activities, top customers. */
export function OverviewTab({ filters, refresh }: TabProps) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const { period, scope } = filters.variables;
  const [{ data, error }] = useQuery({ query: KpiOverviewQuery, variables: { period, scope }, requestPolicy: refresh ? 'network-only' : 'cache-and-network' });
  const kpis = data?.kpis;
  const revenueSeries = useMemo(
    () => [
      { name: t('kpis.target'), type: 'bar' as const, data: (kpis?.revenue.byMonth ?? []).map((m) => Number(m.target)) },
      { name: t('kpis.actual'), type: 'line' as const, data: (kpis?.revenue.byMonth ?? []).map((m) => Number(m.actual)) },
    ],
    [kpis, t],
  );
  const cashSeries = useMemo(
    () => [
      { name: t('kpis.received'), type: 'bar' as const, data: (kpis?.cashflow.byMonth ?? []).map((m) => Number(m.received.amount)) },
      { name: t('kpis.fallingDue'), type: 'bar' as const, data: (kpis?.cashflow.byMonth ?? []).map((m) => Number(m.due.amount)) },
    ],
    [kpis, t],
  );
  const months = useMemo(() => (kpis?.revenue.byMonth ?? []).map((m) => f.month(m.month)), [kpis, f]);
  if (error && !data) return <QueryError error={error} />;
  if (!kpis) return <Loading what={t('kpis.title')} />;
  const records = (figure: string, kind = 'opportunity') => `/kpis/records?${filters.linkParams({ kind, figure })}`;
  return (
    <div className="kpi-tab">
      <div className="kpi-grid">
        <FigureCard testId="revenue-year" label={t('kpis.revenue.year')} value={f.money(kpis.revenue.year.amount)} detail={t('kpis.invoiceCount', { count: kpis.revenue.year.count })} to={records('REVENUE', 'invoice')} />
        <FigureCard label={t('kpis.revenue.monthTargetVsActual')} value={f.money(kpis.revenue.monthTargetVsActual.actual)} detail={t('kpis.ofTarget', { target: f.money(kpis.revenue.monthTargetVsActual.target) })} />
        <FigureCard label={t('kpis.revenue.projectedYear')} value={f.money(kpis.revenue.projectedYear.total)} />
        <FigureCard testId="deals-won" label={t('kpis.deals.won')} value={f.total(kpis.deals.won)} to={records('DEALS_WON')} />
        <FigureCard label={t('kpis.deals.lost')} value={f.total(kpis.deals.lost)} to={records('DEALS_LOST')} />
        <FigureCard label={t('kpis.deals.winRate')} value={f.rate(kpis.deals.winRate)} to={records('DEALS_CLOSED')} />
        <FigureCard label={t('kpis.deals.total')} value={f.total(kpis.deals.total)} to={records('DEALS_CREATED')} />
        <FigureCard label={t('kpis.deals.weightedOpen')} value={f.money(kpis.deals.weightedOpen.amount)} to={records('DEALS_OPEN')} />
        <FigureCard label={t('kpis.deals.pipelineValue')} value={f.total(kpis.deals.pipelineValue)} to={records('DEALS_OPEN')} />
        <FigureCard label={t('kpis.deals.withoutActivity')} value={kpis.deals.withoutActivity ? f.total(kpis.deals.withoutActivity) : '–'} to={records('DEALS_WITHOUT_ACTIVITY')} />
        <FigureCard label={t('kpis.leads.total')} value={f.total(kpis.leads.total)} to={records('LEADS_CREATED')} />
        <FigureCard label={t('kpis.leads.toDealRate')} value={f.rate(kpis.leads.toDealRate)} to={records('LEADS_CONVERTED')} />
        <FigureCard label={t('kpis.quotes.volume')} value={f.total(kpis.quotes.volume)} detail={t('kpis.quotes.acceptanceRate', { rate: f.rate(kpis.quotes.acceptanceRate) })} to={records('QUOTES_CREATED', 'quote')} />
        <FigureCard label={t('kpis.orders.volume')} value={f.money(kpis.orders.volume)} detail={t('kpis.orders.total', { count: kpis.orders.total })} to={records('ORDERS', 'order')} />
        <FigureCard testId="invoices-overdue" label={t('kpis.invoices.overdue')} value={f.total(kpis.invoices.overdue)} detail={t('kpis.invoices.onTimeRate', { rate: f.rate(kpis.invoices.onTimeRate) })} to={records('INVOICES_OVERDUE', 'invoice')} />
        <FigureCard label={t('kpis.invoices.avgPaymentDays')} value={f.days(kpis.invoices.avgPaymentDays)} to={records('INVOICES_PAID', 'invoice')} />
        <FigureCard label={t('kpis.activities.open')} value={f.count(kpis.activities.open)} detail={t('kpis.activities.overdue', { count: kpis.activities.overdue })} to={records('ACTIVITIES_OPEN', 'activity')} />
      </div>
      <h2>{t('kpis.revenue.byMonth')}</h2>
      <KpiChart label={t('kpis.revenue.byMonth')} testId="revenue-chart" categories={months} series={revenueSeries} />
      <h2>{t('kpis.cashflow.byMonth')}</h2>
      <KpiChart label={t('kpis.cashflow.byMonth')} categories={months} series={cashSeries} />
      <div className="kpi-columns">
        <section>
          <h2>{t('kpis.deals.lossReasons')}</h2>
          <ul className="kpi-list">
            {kpis.deals.lossReasons.map((row) => (
              <li key={row.lossReason?.id ?? 'none'}>
                {row.lossReason?.name ?? t('kpis.noReason')}: {f.count(row.count)}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>{t('kpis.customers.top10')}</h2>
          <ol className="kpi-list">
            {kpis.customers.top10.map((row) => (
              <li key={row.accountId}>
                {row.account?.name ?? t('kpis.otherTeam')}: {f.money(row.revenue.amount)}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
