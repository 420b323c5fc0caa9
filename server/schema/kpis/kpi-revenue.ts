import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { KpiTotal } from '../../domain/kpis/values.ts';
import type { Money } from '../../domain/money.ts';
import { PipelineRef } from '../pipeline.ts';
import { figure, kpiLoaders } from './kpi-loaders.ts';
import type { KpiGroup } from './kpi-pipeline.ts';
import { KpiTotalRef, type OpenTotal } from './kpi-values.ts';

const invoices = <Value = never>(context: Context, group: KpiGroup, part: string) => figure<Value>(context, 'invoices', group.query, part);
const opportunities = <Value = never>(context: Context, group: KpiGroup, part: string) => figure<Value>(context, 'opportunities', group.query, part);

interface TargetVsActual {
  month: Date;
  target: Money;
  actual: Money;
  count: number;
}

const KpiTargetVsActualRef = builder.objectRef<TargetVsActual>('KpiTargetVsActual').implement({
  description: 'Target (budget, SOLL) and actual revenue (IST) of one month. Records: kpiInvoices(figure: REVENUE) with the period narrowed to the month.',
  fields: (t) => ({
    month: t.expose('month', { type: 'Date', description: 'First day of the month.' }),
    target: t.expose('target', { type: 'Decimal', description: "The month's budgets: the owners' own with an owner filter, else the teams'." }),
    actual: t.expose('actual', { type: 'Decimal' }),
    invoiceCount: t.exposeInt('count', { description: 'The invoices behind `actual`.' }),
  }),
});

interface Projection {
  actual: KpiTotal;
  weightedOpenDeals: KpiTotal;
}

/** Both halves are asked for in the same tick, so each joins its family's one statement. */
const projection = async (actual: Promise<KpiTotal>, weightedOpenDeals: Promise<KpiTotal>): Promise<Projection> => {
  const [a, w] = await Promise.all([actual, weightedOpenDeals]);
  return { actual: a, weightedOpenDeals: w };
};

const KpiProjectionRef = builder.objectRef<Projection>('KpiProjection').implement({
  description: 'Actual revenue so far plus the weighted amount of the open DEALs expected to close in the rest of the span.',
  fields: (t) => ({
    actual: t.field({ type: KpiTotalRef, resolve: (projection) => projection.actual }),
    weightedOpenDeals: t.field({ type: KpiTotalRef, resolve: (projection) => projection.weightedOpenDeals }),
    total: t.field({ type: 'Decimal', description: 'actual + weightedOpenDeals.', resolve: (projection) => projection.actual.amount.plus(projection.weightedOpenDeals.amount) }),
  }),
});

const KpiPipelineFigureRef = builder.objectRef<OpenTotal & { pipelineId: string }>('KpiPipelineFigure').implement({
  description: 'Open opportunities of one pipeline. Records: kpiOpportunities(figure: OPPORTUNITIES_OPEN) with scope.pipelineIds [this one].',
  fields: (t) => ({
    pipeline: t.field({ type: PipelineRef, resolve: async (row, _args, context) => (await kpiLoaders(context).pipeline.load(row.pipelineId))! }),
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
    weightedAmount: t.expose('weightedAmount', { type: 'Decimal', description: 'The forecast revenue of the pipeline.' }),
  }),
});

export const KpiRevenueRef = builder.objectRef<KpiGroup>('KpiRevenue').implement({
  description: 'revenue.* (kpis.md): revenue is the net amount of invoices that are not CANCELLED, by issue date.',
  fields: (t) => ({
    year: t.field({
      type: KpiTotalRef,
      description: 'revenue.year: revenue in the period (the current year by default). Records: kpiInvoices(figure: REVENUE).',
      resolve: (group, _args, context) => invoices(context, group, 'revenueYear'),
    }),
    month: t.field({
      type: KpiTotalRef,
      description: 'revenue.month (Month tab): revenue of the current month. Records: kpiInvoices(figure: REVENUE_THIS_MONTH).',
      resolve: (group, _args, context) => invoices(context, group, 'revenueMonth'),
    }),
    monthTargetVsActual: t.field({
      type: KpiTargetVsActualRef,
      description: 'revenue.monthTargetVsActual: target and actual revenue of the current month.',
      resolve: (group, _args, context) => invoices(context, group, 'revenueMonthTargetVsActual'),
    }),
    projectedYear: t.field({
      type: KpiProjectionRef,
      description:
        'revenue.projectedYear: revenue of the current year to date + the weighted amount of the open DEALs expected to close from today to the end of the year. Records: kpiInvoices(figure: REVENUE_YEAR_TO_DATE), kpiOpportunities(figure: DEALS_CLOSING_REST_OF_YEAR).',
      resolve: (group, _args, context) => projection(invoices(context, group, 'revenueYearToDate'), opportunities(context, group, 'weightedRestOfYear')),
    }),
    forecastMonth: t.field({
      type: KpiProjectionRef,
      description:
        'revenue.forecastMonth (Month tab): revenue of the current month + the weighted amount of the open DEALs expected to close in the rest of it. Records: kpiInvoices(figure: REVENUE_THIS_MONTH), kpiOpportunities(figure: DEALS_CLOSING_REST_OF_MONTH).',
      resolve: (group, _args, context) => projection(invoices(context, group, 'revenueMonth'), opportunities(context, group, 'weightedRestOfMonth')),
    }),
    byMonth: t.field({
      type: [KpiTargetVsActualRef],
      description: 'revenue.byMonth: target and actual of each month of the period.',
      resolve: (group, _args, context) => invoices(context, group, 'revenueByMonth'),
    }),
    byPipeline: t.field({
      type: [KpiPipelineFigureRef],
      description: 'revenue.byPipeline (Month tab): the weighted amount of the open opportunities of each pipeline in scope.',
      resolve: (group, _args, context) => opportunities(context, group, 'byPipeline'),
    }),
  }),
});

interface CashflowMonth {
  month: Date;
  received: KpiTotal;
  due: KpiTotal;
}

const KpiCashflowMonthRef = builder.objectRef<CashflowMonth>('KpiCashflowMonth').implement({
  description: 'Money in and money falling due in one month (gross invoice amounts).',
  fields: (t) => ({
    month: t.expose('month', { type: 'Date', description: 'First day of the month.' }),
    received: t.field({
      type: KpiTotalRef,
      description: 'Invoices paid that month, by paid date. Records: kpiInvoices(figure: INVOICES_PAID) with the period narrowed to the month.',
      resolve: (row) => row.received,
    }),
    due: t.field({
      type: KpiTotalRef,
      description: 'Invoices (not CANCELLED) due that month. Records: kpiInvoices(figure: INVOICES_FALLING_DUE) with the period narrowed to the month.',
      resolve: (row) => row.due,
    }),
  }),
});

export const KpiCashflowRef = builder.objectRef<KpiGroup>('KpiCashflow').implement({
  description: 'cashflow.* (kpis.md).',
  fields: (t) => ({
    byMonth: t.field({
      type: [KpiCashflowMonthRef],
      description: 'cashflow.byMonth: for each month of the period, payments received and amounts falling due.',
      resolve: (group, _args, context) => invoices(context, group, 'cashflowByMonth'),
    }),
  }),
});

export const KpiInvoicesRef = builder.objectRef<KpiGroup>('KpiInvoices').implement({
  description: 'invoices.* (kpis.md); amounts are gross, what the customer owes.',
  fields: (t) => ({
    dueThisMonth: t.field({
      type: KpiTotalRef,
      description: 'invoices.dueThisMonth: OPEN invoices due in the current month. Records: kpiInvoices(figure: INVOICES_DUE_THIS_MONTH).',
      resolve: (group, _args, context) => invoices(context, group, 'invoicesDueThisMonth'),
    }),
    overdue: t.field({
      type: KpiTotalRef,
      description: 'invoices.overdue: OPEN invoices due before today. Records: kpiInvoices(figure: INVOICES_OVERDUE).',
      resolve: (group, _args, context) => invoices(context, group, 'invoicesOverdue'),
    }),
    avgPaymentDays: t.float({
      nullable: true,
      description: 'invoices.avgPaymentDays: over invoices paid in the period, the average days from issue to payment. Records: kpiInvoices(figure: INVOICES_PAID).',
      resolve: (group, _args, context) => invoices(context, group, 'invoicesAvgPaymentDays'),
    }),
    onTimeRate: t.float({
      nullable: true,
      description: 'invoices.onTimeRate: of the invoices paid in the period, the fraction paid by their due date. Records: INVOICES_PAID_ON_TIME over INVOICES_PAID.',
      resolve: (group, _args, context) => invoices(context, group, 'invoicesOnTimeRate'),
    }),
    open: t.field({
      type: KpiTotalRef,
      description: "OPEN invoices (my.invoices on the viewer's board). Records: kpiInvoices(figure: INVOICES_OPEN).",
      resolve: (group, _args, context) => invoices(context, group, 'invoicesOpen'),
    }),
  }),
});
