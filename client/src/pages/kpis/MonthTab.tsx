import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { KpiChart } from './KpiChart.tsx';
import { KpiFigures } from './KpiFigures.tsx';
import { KpiMonthQuery } from './kpi-queries.ts';
import { KpiWidget } from './KpiWidget.tsx';
import { StageTable } from './StageTable.tsx';
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
  // The month's own figures open with the month as their period, whatever the dashboard's period.
  const month = { from: kpis.period.from, to: kpis.period.to };
  const records = filters.records;
  const { deals, revenue } = kpis;
  const stageRecords = (stageId: string) => records('DEALS_OPEN', { stage: stageId });
  return (
    <div className="kpi-tab">
      <KpiFigures
        name="month-figures"
        figures={[
          { label: t('kpis.deals.won'), value: f.total(deals.won), to: records('DEALS_WON', month), numbers: deals.won },
          { label: t('kpis.deals.lost'), value: f.total(deals.lost), to: records('DEALS_LOST', month), numbers: deals.lost },
          { label: t('kpis.deals.closingThisMonth'), value: f.total(deals.closingThisMonth), to: records('DEALS_CLOSING_THIS_MONTH'), numbers: deals.closingThisMonth },
          { label: t('kpis.deals.weightedOpen'), value: f.money(deals.weightedOpen.amount), to: records('DEALS_OPEN'), numbers: deals.weightedOpen },
          {
            testId: 'revenue-month',
            label: t('kpis.revenue.month'),
            value: f.money(revenue.month.amount),
            detail: t('kpis.invoiceCount', { count: revenue.month.count }),
            to: records('REVENUE_THIS_MONTH', { kind: 'invoice' }),
            numbers: revenue.month,
          },
          {
            label: t('kpis.revenue.forecastMonth'),
            value: f.money(revenue.forecastMonth.total),
            detail: t('kpis.revenue.toDate', { amount: f.money(revenue.forecastMonth.actual.amount) }),
            to: records('REVENUE_THIS_MONTH', { kind: 'invoice' }),
            more: { label: t('kpis.revenue.openToMonthEnd', { amount: f.money(revenue.forecastMonth.weightedOpenDeals.amount) }), to: records('DEALS_CLOSING_REST_OF_MONTH') },
            numbers: { amount: revenue.forecastMonth.total },
          },
        ]}
      />
      <StageTable
        title={t('kpis.deals.byStage')}
        name="deals-by-stage"
        testId="stage-table"
        rows={stages}
        total={{ header: t('kpis.deals.owned'), to: (row) => stageRecords(row.stage.id) }}
        figures={[{ header: t('kpis.weighted'), value: (row) => f.money(row.weightedAmount) }]}
        columns={[{ header: t('kpis.weighted'), kind: 'money', value: (row) => row.weightedAmount }]}
      >
        <KpiChart label={t('kpis.deals.byStage')} categories={stageNames} series={stageSeries} onSelect={(index) => navigate(stageRecords(stages[index].stage.id))} />
      </StageTable>
      <div className="kpi-columns">
        <KpiWidget
          title={t('kpis.revenue.byPipeline')}
          name="pipelines"
          columns={[
            { header: t('kpis.csv.pipeline'), kind: 'text', value: (row) => row.pipeline.name },
            { header: t('kpis.csv.count'), kind: 'count', value: (row) => row.count },
            { header: t('kpis.amount'), kind: 'money', value: (row) => row.amount },
            { header: t('kpis.weighted'), kind: 'money', value: (row) => row.weightedAmount },
          ]}
          rows={revenue.byPipeline}
        >
          <ul className="kpi-list">
            {revenue.byPipeline.map((row) => (
              <li key={row.pipeline.id}>
                <Link to={records('OPPORTUNITIES_OPEN', { pipeline: row.pipeline.id })}>
                  {row.pipeline.name}: {f.money(row.weightedAmount)}
                </Link>
              </li>
            ))}
          </ul>
        </KpiWidget>
        <KpiWidget
          title={t('kpis.products.top')}
          name="top-products"
          columns={[
            { header: t('kpis.csv.product'), kind: 'text', value: (row) => row.product.name },
            { header: t('kpis.csv.quantity'), kind: 'money', value: (row) => row.quantity },
            { header: t('kpis.csv.invoices'), kind: 'count', value: (row) => row.revenue.count },
            { header: t('kpis.revenue.title'), kind: 'money', value: (row) => row.revenue.amount },
          ]}
          rows={kpis.products.top}
        >
          <ol className="kpi-list">
            {kpis.products.top.map((row) => (
              <li key={row.product.id}>
                <Link to={records('REVENUE', { kind: 'invoice', product: row.product.id, ...month })}>
                  {row.product.name}: {f.money(row.revenue.amount)}
                </Link>
              </li>
            ))}
          </ol>
        </KpiWidget>
      </div>
    </div>
  );
}
