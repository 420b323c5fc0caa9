import { builder } from '../../builder.ts';
import { KpiContactsRef, KpiCustomersRef, KpiProductsRef } from './kpi-customers.ts';
import { KpiForecastRef } from './kpi-forecast.ts';
import { AS_OF_DESCRIPTION, atMoment, KpiPeriodInput, KpiScopeInput, resolveKpiQuery } from './kpi-inputs.ts';
import { KpiDealsRef, KpiLeadsRef, type KpiGroup } from './kpi-pipeline.ts';
import { KpiCashflowRef, KpiInvoicesRef, KpiRevenueRef } from './kpi-revenue.ts';
import { KpiMyBoardRef, KpiTeamRef } from './kpi-team.ts';
import { KpiActivitiesRef, KpiOrdersRef, KpiQuotesRef } from './kpi-work.ts';

const KpiPeriodRef = builder.objectRef<{ from: Date; to: Date }>('KpiPeriod').implement({
  description: 'The period the figures were computed for: [from, to), calendar days.',
  fields: (t) => ({
    from: t.expose('from', { type: 'Date' }),
    to: t.expose('to', { type: 'Date', description: 'The day after the last day.' }),
  }),
});

const group = (query: KpiGroup['query']): KpiGroup => ({ query });

const KpisRef = builder.objectRef<KpiGroup>('Kpis').implement({
  description:
    'The key figures of kpis.md, each a field named after its id (`deals.winRate` is `deals { winRate }`). Ask for exactly the figures you need: the figures of one family (opportunities, invoices, quotes, orders, activities, accounts and contacts, team) that share period, scope and asOf are computed together by one SQL statement, and a figure not asked for is not computed. Each figure\'s description names the records behind it (the kpi* drill-down queries). Money in EUR as Decimal, rates as fractions (null when the denominator is 0), durations in days.',
  fields: (t) => ({
    period: t.field({ type: KpiPeriodRef, resolve: ({ query }) => ({ from: query.from, to: query.to }) }),
    revenue: t.field({ type: KpiRevenueRef, resolve: ({ query }) => group(query) }),
    cashflow: t.field({ type: KpiCashflowRef, resolve: ({ query }) => group(query) }),
    leads: t.field({ type: KpiLeadsRef, args: { asOf: t.arg({ type: 'DateTime', description: AS_OF_DESCRIPTION }) }, resolve: ({ query }, args) => group(atMoment(query, args.asOf)) }),
    deals: t.field({ type: KpiDealsRef, args: { asOf: t.arg({ type: 'DateTime', description: AS_OF_DESCRIPTION }) }, resolve: ({ query }, args) => group(atMoment(query, args.asOf)) }),
    activities: t.field({ type: KpiActivitiesRef, resolve: ({ query }) => group(query) }),
    quotes: t.field({ type: KpiQuotesRef, resolve: ({ query }) => group(query) }),
    orders: t.field({ type: KpiOrdersRef, resolve: ({ query }) => group(query) }),
    invoices: t.field({ type: KpiInvoicesRef, resolve: ({ query }) => group(query) }),
    contacts: t.field({ type: KpiContactsRef, resolve: ({ query }) => group(query) }),
    customers: t.field({ type: KpiCustomersRef, resolve: ({ query }) => group(query) }),
    products: t.field({ type: KpiProductsRef, resolve: ({ query }) => group(query) }),
    forecast: t.field({
      type: KpiForecastRef,
      args: { asOf: t.arg({ type: 'DateTime', description: AS_OF_DESCRIPTION }) },
      resolve: ({ query }, args) => group(atMoment(query, args.asOf)),
    }),
    team: t.field({ type: KpiTeamRef, resolve: ({ query }) => group(query) }),
    my: t.field({ type: KpiMyBoardRef, resolve: ({ query }) => group(query) }),
  }),
});

builder.queryField('kpis', (t) =>
  t.field({
    type: KpisRef,
    authScopes: { sales: true },
    description:
      "Key figures for the dashboards (Overview, Month, Team, Forecast, My board) over a period and a scope; only records the viewer may read count. SERVICE users are refused. See the README's KPI section for the naming scheme.",
    args: {
      period: t.arg({ type: KpiPeriodInput, description: 'Default: the current calendar year.' }),
      scope: t.arg({ type: KpiScopeInput }),
    },
    resolve: async (_root, args, context) => group(await resolveKpiQuery(context, args.period, args.scope)),
  }),
);
