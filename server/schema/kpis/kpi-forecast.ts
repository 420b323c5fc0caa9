import { builder } from '../../builder.ts';
import type { FunnelStage } from '../../domain/kpis/funnel.ts';
import { rate, type KpiTotal } from '../../domain/kpis/values.ts';
import type { Money } from '../../domain/money.ts';
import { OpportunityStatusEnum } from '../opportunity.ts';
import { StageRef } from '../stage.ts';
import { UserRef } from '../user.ts';
import { figure, kpiLoaders } from './kpi-loaders.ts';
import type { KpiGroup } from './kpi-pipeline.ts';
import { KpiIntervalEnum, KpiMonthTotalRef, KpiStageFigureRef, KpiTotalRef } from './kpi-values.ts';

interface ForecastMonth {
  month: Date;
  count: number;
  amount: Money;
  weightedAmount: Money;
  target: Money;
}

export const KpiForecastMonthRef = builder.objectRef<ForecastMonth>('KpiForecastMonth').implement({
  description: 'Open DEALs expected to close in one month, next to the month\'s target. Records: kpiOpportunities(figure: DEALS_CLOSING) with the period narrowed to the month.',
  fields: (t) => ({
    month: t.expose('month', { type: 'Date', description: 'First day of the month.' }),
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
    weightedAmount: t.expose('weightedAmount', { type: 'Decimal' }),
    target: t.expose('target', { type: 'Decimal', description: 'The month\'s budget (the owners\' own with an owner filter, else the teams\').' }),
  }),
});

const KpiStatusFigureRef = builder.objectRef<{ status: 'OPEN' | 'WON' | 'LOST'; count: number; amount: Money; weightedAmount: Money }>('KpiStatusFigure').implement({
  description: 'Opportunities of one status: open ones, and those won or lost in the period. Records: kpiOpportunities(figure: OPPORTUNITIES_BY_STATUS) with group.status.',
  fields: (t) => ({
    status: t.expose('status', { type: OpportunityStatusEnum }),
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
    weightedAmount: t.expose('weightedAmount', { type: 'Decimal', description: 'Won ones weigh fully (100 %), lost ones not at all.' }),
  }),
});

const KpiFunnelStageRef = builder.objectRef<FunnelStage>('KpiFunnelStage').implement({
  description: 'One stage of the funnel, in board order.',
  fields: (t) => ({
    stage: t.field({ type: StageRef, resolve: async (row, _args, context) => (await kpiLoaders(context).stage.load(row.stageId))! }),
    count: t.exposeInt('count', { description: 'Open opportunities in the stage. Records: kpiOpportunities(figure: OPPORTUNITIES_OPEN) with group.stageId.' }),
    amount: t.expose('amount', { type: 'Decimal' }),
    weightedAmount: t.expose('weightedAmount', { type: 'Decimal' }),
    entered: t.exposeInt('entered', {
      description: 'Opportunities that entered the stage in the period. Records: kpiOpportunities(figure: FUNNEL_ENTERED) with group.stageId.',
    }),
    advanced: t.exposeInt('advanced', {
      description: 'Of those, how many reached a later stage of the pipeline, or were won, by the moment the figures refer to. Records: FUNNEL_ADVANCED with group.stageId.',
    }),
    conversionToNext: t.float({ nullable: true, description: 'advanced / entered; null when none entered.', resolve: (row) => rate(row.advanced, row.entered) }),
  }),
});

interface SalespersonBucket {
  start: Date;
  won: KpiTotal;
  open: KpiTotal;
}

const KpiSalespersonBucketRef = builder.objectRef<SalespersonBucket>('KpiSalespersonBucket').implement({
  fields: (t) => ({
    start: t.expose('start', { type: 'Date', description: 'First day of the month or quarter.' }),
    won: t.field({
      type: KpiTotalRef,
      description: 'DEALs won then. Records: kpiOpportunities(figure: DEALS_WON) with the owner and the period narrowed to the bucket.',
      resolve: (bucket) => bucket.won,
    }),
    open: t.field({
      type: KpiTotalRef,
      description: 'Open DEALs expected to close then (the open pipeline). Records: DEALS_CLOSING with the owner and the bucket.',
      resolve: (bucket) => bucket.open,
    }),
  }),
});

const KpiSalespersonFigureRef = builder.objectRef<{ ownerId: string; buckets: SalespersonBucket[] }>('KpiSalespersonFigure').implement({
  description: 'One owner\'s row of the sales grid.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: async (row, _args, context) => (await kpiLoaders(context).user.load(row.ownerId))! }),
    buckets: t.field({ type: [KpiSalespersonBucketRef], description: 'Every month or quarter of the period, in order.', resolve: (row) => row.buckets }),
  }),
});

export const KpiForecastRef = builder.objectRef<KpiGroup>('KpiForecast').implement({
  description: 'forecast.* (kpis.md): from the opportunities as they are now, or as of `asOf`.',
  fields: (t) => ({
    byMonth: t.field({
      type: [KpiForecastMonthRef],
      description: 'forecast.byMonth: for each of the next 12 months from the current one, the open DEALs by expected close month, next to the target.',
      resolve: (group, _args, context) => figure(context, 'opportunities', group.query, 'forecastByMonth'),
    }),
    byStatus: t.field({
      type: [KpiStatusFigureRef],
      description: 'forecast.byStatus: absolute and weighted amounts per status (OPEN, WON, LOST) of leads and deals.',
      resolve: (group, _args, context) => figure(context, 'opportunities', group.query, 'forecastByStatus'),
    }),
    byStage: t.field({
      type: [KpiStageFigureRef],
      description: 'forecast.byStage: absolute and weighted amounts of the open leads and deals per stage of the pipelines in scope. Records: OPPORTUNITIES_OPEN with group.stageId.',
      resolve: (group, _args, context) => figure(context, 'opportunities', group.query, 'forecastByStage'),
    }),
    byCloseMonth: t.field({
      type: [KpiMonthTotalRef],
      description:
        'forecast.byCloseMonth: absolute and weighted amounts of the open leads and deals by expected close month, for each month of the period. Records: kpiOpportunities(figure: OPPORTUNITIES_CLOSING) with the period narrowed to the month.',
      resolve: (group, _args, context) => figure(context, 'opportunities', group.query, 'forecastByCloseMonth'),
    }),
    funnel: t.field({
      type: [KpiFunnelStageRef],
      description: 'forecast.funnel: count and amount per stage in stage order, with the conversion from each stage to the next over the period.',
      resolve: (group, _args, context) => figure(context, 'opportunities', group.query, 'forecastFunnel'),
    }),
    bySalesperson: t.field({
      type: [KpiSalespersonFigureRef],
      description: 'forecast.bySalesperson: per owner (by name) and month or quarter of the period, won amount and open pipeline; owners with neither are left out.',
      args: { interval: t.arg({ type: KpiIntervalEnum, defaultValue: 'MONTH' }) },
      resolve: (group, args, context) => figure(context, 'opportunities', group.query, `forecastBySalesperson${args.interval ?? 'MONTH'}`),
    }),
  }),
});
