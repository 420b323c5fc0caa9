import { builder } from '../../builder.ts';
import type { LossReasonFigure, MonthFigure, StageFigure } from '../../domain/kpis/opportunity-lists.ts';
import type { KpiTotal } from '../../domain/kpis/values.ts';
import type { Money } from '../../domain/money.ts';
import { LossReasonRef } from '../loss-reason.ts';
import { StageRef } from '../stage.ts';
import { kpiLoaders } from './kpi-loaders.ts';

// Value types shared by the KPI groups.

export const KpiTotalRef = builder.objectRef<KpiTotal>('KpiTotal').implement({
  description: 'How many records a figure counts and the sum of their amount (EUR). The field describing the figure names its records (drill-down).',
  fields: (t) => ({
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
  }),
});

export interface OpenTotal extends KpiTotal {
  weightedAmount: Money;
}

export const KpiOpenTotalRef = builder.objectRef<OpenTotal>('KpiOpenTotal').implement({
  description: 'Open opportunities: how many, their amount and their weighted amount (amount x probability).',
  fields: (t) => ({
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
    weightedAmount: t.expose('weightedAmount', { type: 'Decimal' }),
  }),
});

export const KpiMonthTotalRef = builder.objectRef<MonthFigure>('KpiMonthTotal').implement({
  description: "One month (its first day, organisation's calendar) of a monthly figure.",
  fields: (t) => ({
    month: t.expose('month', { type: 'Date', description: 'First day of the month.' }),
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
    weightedAmount: t.expose('weightedAmount', { type: 'Decimal' }),
  }),
});

export const KpiStageFigureRef = builder.objectRef<StageFigure>('KpiStageFigure').implement({
  description: 'Open opportunities in one stage (stages in board order; empty ones listed with zeros). Records: the figure\'s set with `group: { stageId }`.',
  fields: (t) => ({
    stage: t.field({ type: StageRef, resolve: async (row, _args, context) => (await kpiLoaders(context).stage.load(row.stageId))! }),
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
    weightedAmount: t.expose('weightedAmount', { type: 'Decimal' }),
  }),
});

export const KpiLossReasonFigureRef = builder.objectRef<LossReasonFigure>('KpiLossReasonFigure').implement({
  description: 'Lost opportunities with one loss reason, most frequent first. Records: the figure\'s set with `group: { lossReasonId }`.',
  fields: (t) => ({
    lossReason: t.field({
      type: LossReasonRef,
      nullable: true,
      description: 'Null for opportunities lost without a reason (before reasons were required).',
      resolve: (row, _args, context) => (row.lossReasonId ? kpiLoaders(context).lossReason.load(row.lossReasonId) : null),
    }),
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
  }),
});

export interface CustomerCount {
  accounts: number;
  contacts: number;
  total: number;
}

export const KpiCustomerCountRef = builder.objectRef<CustomerCount>('KpiCustomerCount').implement({
  description: 'Accounts and contacts counted together (contacts.* figures).',
  fields: (t) => ({
    accounts: t.exposeInt('accounts'),
    contacts: t.exposeInt('contacts'),
    total: t.exposeInt('total', { description: 'accounts + contacts.' }),
  }),
});

export const KpiIntervalEnum = builder.enumType('KpiInterval', {
  values: { MONTH: { description: 'Calendar months.' }, QUARTER: { description: 'Calendar quarters.' } },
});
