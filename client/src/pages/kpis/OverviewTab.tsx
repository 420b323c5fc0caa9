import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { KpiChart } from './KpiChart.tsx';
import { KpiFigures } from './KpiFigures.tsx';
import { KpiOverviewQuery } from './kpi-queries.ts';
import { monthPeriod } from './kpi-periods.ts';
import { KpiWidget } from './KpiWidget.tsx';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/** Overview: revenue target vs actual, cash flow, leads and deals, documents, activities, top customers. */
export function OverviewTab({ filters, refresh }: TabProps) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const navigate = useNavigate();
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
  const records = (figure: string, kind = 'opportunity', extra: Record<string, string> = {}) => filters.records(figure, { kind, ...extra });
  const { revenue, deals, leads, quotes, orders, invoices, activities } = kpis;
  return (
    <div className="kpi-tab">
      <KpiFigures
        name="overview-figures"
        figures={[
          { testId: 'revenue-year', label: t('kpis.revenue.year'), value: f.money(revenue.year.amount), detail: t('kpis.invoiceCount', { count: revenue.year.count }), to: records('REVENUE', 'invoice'), numbers: revenue.year },
          {
            testId: 'revenue-month-target',
            label: t('kpis.revenue.monthTargetVsActual'),
            value: f.money(revenue.monthTargetVsActual.actual),
            detail: t('kpis.ofTarget', { target: f.money(revenue.monthTargetVsActual.target) }),
            to: records('REVENUE_THIS_MONTH', 'invoice'),
            numbers: { amount: revenue.monthTargetVsActual.actual },
          },
          {
            testId: 'revenue-projected-year',
            label: t('kpis.revenue.projectedYear'),
            value: f.money(revenue.projectedYear.total),
            detail: t('kpis.revenue.toDate', { amount: f.money(revenue.projectedYear.actual.amount) }),
            to: records('REVENUE_YEAR_TO_DATE', 'invoice'),
            more: { label: t('kpis.revenue.openToYearEnd', { amount: f.money(revenue.projectedYear.weightedOpenDeals.amount) }), to: records('DEALS_CLOSING_REST_OF_YEAR') },
            numbers: { amount: revenue.projectedYear.total },
          },
          { testId: 'deals-won', label: t('kpis.deals.won'), value: f.total(deals.won), to: records('DEALS_WON'), numbers: deals.won },
          { label: t('kpis.deals.lost'), value: f.total(deals.lost), to: records('DEALS_LOST'), numbers: deals.lost },
          { label: t('kpis.deals.winRate'), value: f.rate(deals.winRate), to: records('DEALS_CLOSED'), numbers: { rate: deals.winRate } },
          { label: t('kpis.deals.total'), value: f.total(deals.total), to: records('DEALS_CREATED'), numbers: deals.total },
          { label: t('kpis.deals.weightedOpen'), value: f.money(deals.weightedOpen.amount), to: records('DEALS_OPEN'), numbers: deals.weightedOpen },
          { label: t('kpis.deals.pipelineValue'), value: f.total(deals.pipelineValue), to: records('DEALS_OPEN'), numbers: deals.pipelineValue },
          {
            label: t('kpis.deals.withoutActivity'),
            value: deals.withoutActivity ? f.total(deals.withoutActivity) : '–',
            to: records('DEALS_WITHOUT_ACTIVITY'),
            numbers: deals.withoutActivity ?? {},
          },
          { label: t('kpis.leads.total'), value: f.total(leads.total), to: records('LEADS_CREATED'), numbers: leads.total },
          { label: t('kpis.leads.toDealRate'), value: f.rate(leads.toDealRate), to: records('LEADS_CONVERTED'), numbers: { rate: leads.toDealRate } },
          {
            label: t('kpis.quotes.volume'),
            value: f.total(quotes.volume),
            detail: t('kpis.quotes.acceptanceRate', { rate: f.rate(quotes.acceptanceRate) }),
            to: records('QUOTES_CREATED', 'quote'),
            numbers: { ...quotes.volume, rate: quotes.acceptanceRate },
          },
          { label: t('kpis.orders.volume'), value: f.money(orders.volume), detail: t('kpis.orders.total', { count: orders.total }), to: records('ORDERS', 'order'), numbers: { count: orders.total, amount: orders.volume } },
          {
            testId: 'invoices-overdue',
            label: t('kpis.invoices.overdue'),
            value: f.total(invoices.overdue),
            detail: t('kpis.invoices.onTimeRate', { rate: f.rate(invoices.onTimeRate) }),
            to: records('INVOICES_OVERDUE', 'invoice'),
            numbers: invoices.overdue,
          },
          { label: t('kpis.invoices.avgPaymentDays'), value: f.days(invoices.avgPaymentDays), to: records('INVOICES_PAID', 'invoice'), numbers: { days: invoices.avgPaymentDays } },
          {
            label: t('kpis.activities.open'),
            value: f.count(activities.open),
            detail: t('kpis.activities.overdue', { count: activities.overdue }),
            to: records('ACTIVITIES_OPEN', 'activity'),
            numbers: { count: activities.open },
          },
        ]}
      />
      <KpiWidget
        title={t('kpis.revenue.byMonth')}
        name="revenue-by-month"
        columns={[
          { header: t('kpis.csv.month'), kind: 'day', value: (m) => m.month },
          { header: t('kpis.target'), kind: 'money', value: (m) => m.target },
          { header: t('kpis.actual'), kind: 'money', value: (m) => m.actual },
        ]}
        rows={revenue.byMonth}
      >
        <KpiChart
          label={t('kpis.revenue.byMonth')}
          testId="revenue-chart"
          categories={months}
          series={revenueSeries}
          onSelect={(index) => navigate(records('REVENUE', 'invoice', monthPeriod(revenue.byMonth[index].month)))}
        />
      </KpiWidget>
      <KpiWidget
        title={t('kpis.cashflow.byMonth')}
        name="cashflow-by-month"
        columns={[
          { header: t('kpis.csv.month'), kind: 'day', value: (m) => m.month },
          { header: t('kpis.received'), kind: 'money', value: (m) => m.received.amount },
          { header: t('kpis.fallingDue'), kind: 'money', value: (m) => m.due.amount },
        ]}
        rows={kpis.cashflow.byMonth}
      >
        <KpiChart
          label={t('kpis.cashflow.byMonth')}
          categories={months}
          series={cashSeries}
          onSelect={(index, series) =>
            navigate(records(series === 0 ? 'INVOICES_PAID' : 'INVOICES_FALLING_DUE', 'invoice', monthPeriod(kpis.cashflow.byMonth[index].month)))
          }
        />
      </KpiWidget>
      <div className="kpi-columns">
        <KpiWidget
          title={t('kpis.deals.lossReasons')}
          name="loss-reasons"
          columns={[
            { header: t('kpis.csv.lossReason'), kind: 'text', value: (row) => row.lossReason?.name ?? t('kpis.noReason') },
            { header: t('kpis.csv.count'), kind: 'count', value: (row) => row.count },
            { header: t('kpis.amount'), kind: 'money', value: (row) => row.amount },
          ]}
          rows={deals.lossReasons}
        >
          <ul className="kpi-list">
            {deals.lossReasons.map((row) => (
              <li key={row.lossReason?.id ?? 'none'}>
                <Link to={records('DEALS_LOST', 'opportunity', row.lossReason ? { lossReason: row.lossReason.id } : { noLossReason: '1' })}>
                  {row.lossReason?.name ?? t('kpis.noReason')}: {f.count(row.count)}
                </Link>
              </li>
            ))}
          </ul>
        </KpiWidget>
        <KpiWidget
          title={t('kpis.customers.top10')}
          name="top-customers"
          columns={[
            { header: t('kpis.records.account'), kind: 'text', value: (row) => row.account?.name ?? t('kpis.otherTeam') },
            { header: t('kpis.csv.invoices'), kind: 'count', value: (row) => row.revenue.count },
            { header: t('kpis.revenue.title'), kind: 'money', value: (row) => row.revenue.amount },
          ]}
          rows={kpis.customers.top10}
        >
          <ol className="kpi-list">
            {kpis.customers.top10.map((row) => (
              <li key={row.accountId}>
                <Link to={records('REVENUE', 'invoice', { account: row.accountId })}>
                  {row.account?.name ?? t('kpis.otherTeam')}: {f.money(row.revenue.amount)}
                </Link>
              </li>
            ))}
          </ol>
        </KpiWidget>
      </div>
    </div>
  );
}
