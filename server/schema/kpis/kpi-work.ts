import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { KpiTotal } from '../../domain/kpis/values.ts';
import type { MonthFigure } from '../../domain/kpis/opportunity-lists.ts';
import { ActivityTypeEnum } from '../activity-type.ts';
import { figure, type FamilyName } from './kpi-loaders.ts';
import type { KpiGroup } from './kpi-pipeline.ts';
import { KpiTotalRef } from './kpi-values.ts';

const of = <Value = never>(family: FamilyName) => (context: Context, group: KpiGroup, part: string) => figure<Value>(context, family, group.query, part);
const activities = of('activities');
const quotes = of('quotes');
const orders = of('orders');

const KpiActivityTypeFigureRef = builder.objectRef<{ type: 'CALL' | 'EMAIL' | 'MEETING' | 'TASK' | 'NOTE'; count: number }>('KpiActivityTypeFigure').implement({
  description: 'Activities of one type created in the period. Records: kpiActivities(figure: ACTIVITIES_CREATED) with group.activityType.',
  fields: (t) => ({ type: t.expose('type', { type: ActivityTypeEnum }), count: t.exposeInt('count') }),
});

export const KpiActivitiesRef = builder.objectRef<KpiGroup>('KpiActivities').implement({
  description: "activities.* (kpis.md): the owner filter means the activity's assignee.",
  fields: (t) => ({
    open: t.int({
      description: 'activities.open: activities not done, now (my.tasks on the viewer\'s board). Records: kpiActivities(figure: ACTIVITIES_OPEN), due first.',
      resolve: (group, _args, context) => activities(context, group, 'activitiesOpen') as Promise<number>,
    }),
    overdue: t.int({
      description: 'activities.overdue: open activities due before now. Records: kpiActivities(figure: ACTIVITIES_OVERDUE).',
      resolve: (group, _args, context) => activities(context, group, 'activitiesOverdue') as Promise<number>,
    }),
    completed: t.int({
      description: 'activities.completed: activities done in the period. Records: kpiActivities(figure: ACTIVITIES_COMPLETED).',
      resolve: (group, _args, context) => activities(context, group, 'activitiesCompleted') as Promise<number>,
    }),
    byType: t.field({
      type: [KpiActivityTypeFigureRef],
      description: 'activities.byType: activities created in the period per type (every type listed).',
      resolve: (group, _args, context) => activities(context, group, 'activitiesByType') as never,
    }),
  }),
});

export const KpiQuotesRef = builder.objectRef<KpiGroup>('KpiQuotes').implement({
  description: 'quotes.* (kpis.md); amounts are net.',
  fields: (t) => ({
    volume: t.field({
      type: KpiTotalRef,
      description: 'quotes.volume: quotes created in the period and the sum of their amounts. Records: kpiQuotes(figure: QUOTES_CREATED).',
      resolve: (group, _args, context) => quotes(context, group, 'quotesVolume') as Promise<KpiTotal>,
    }),
    open: t.field({
      type: KpiTotalRef,
      description: "quotes.open: quotes in DRAFT or SENT now (my.quotes on the viewer's board). Records: kpiQuotes(figure: QUOTES_OPEN).",
      resolve: (group, _args, context) => quotes(context, group, 'quotesOpen') as Promise<KpiTotal>,
    }),
    acceptanceRate: t.float({
      nullable: true,
      description: 'quotes.acceptanceRate: ACCEPTED / (ACCEPTED + REJECTED + EXPIRED), decided in the period. Records: QUOTES_ACCEPTED over QUOTES_DECIDED.',
      resolve: (group, _args, context) => quotes(context, group, 'quotesAcceptanceRate') as Promise<number | null>,
    }),
    avgRuntimeDays: t.float({
      nullable: true,
      description: 'quotes.avgRuntimeDays: over quotes decided in the period, the average days from creation to decision. Records: kpiQuotes(figure: QUOTES_DECIDED).',
      resolve: (group, _args, context) => quotes(context, group, 'quotesAvgRuntimeDays') as Promise<number | null>,
    }),
    avgAmount: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'quotes.avgAmount: quotes.volume / the number of quotes created in the period.',
      resolve: async (group, _args, context) => (await quotes(context, group, 'quotesAvgAmount')) as never,
    }),
    avgSalesCycleDays: t.float({
      nullable: true,
      description:
        'quotes.avgSalesCycleDays: over DEALs won in the period, the average days from the opportunity\'s creation to the win. Records: kpiOpportunities(figure: DEALS_WON).',
      resolve: (group, _args, context) => figure<number | null>(context, 'opportunities', group.query, 'salesCycleDays'),
    }),
    sent: t.field({
      type: KpiTotalRef,
      description: 'quotes.sent: quotes sent in the period. Records: kpiQuotes(figure: QUOTES_SENT).',
      resolve: (group, _args, context) => quotes(context, group, 'quotesSent') as Promise<KpiTotal>,
    }),
    conversionRate: t.float({
      nullable: true,
      description: 'quotes.conversionRate: of the quotes sent in the period, the fraction whose opportunity was won. Records: QUOTES_SENT_WON over QUOTES_SENT.',
      resolve: (group, _args, context) => quotes(context, group, 'quotesConversionRate') as Promise<number | null>,
    }),
  }),
});

const KpiOrderMonthRef = builder.objectRef<Omit<MonthFigure, 'weightedAmount'>>('KpiOrderMonth').implement({
  description: 'Orders dated in one month (not CANCELLED). Records: kpiOrders(figure: ORDERS) with the period narrowed to the month.',
  fields: (t) => ({
    month: t.expose('month', { type: 'Date', description: 'First day of the month.' }),
    count: t.exposeInt('count'),
    amount: t.expose('amount', { type: 'Decimal' }),
  }),
});

export const KpiOrdersRef = builder.objectRef<KpiGroup>('KpiOrders').implement({
  description: 'orders.* (kpis.md): orders that are not CANCELLED, dated in the period; amounts are net.',
  fields: (t) => ({
    volume: t.field({
      type: 'Decimal',
      description: 'orders.volume: the sum of their amounts. Records: kpiOrders(figure: ORDERS).',
      resolve: async (group, _args, context) => ((await orders(context, group, 'ordersVolume')) as KpiTotal).amount,
    }),
    total: t.int({
      description: 'orders.total: how many. Records: kpiOrders(figure: ORDERS).',
      resolve: async (group, _args, context) => ((await orders(context, group, 'ordersVolume')) as KpiTotal).count,
    }),
    avgAmount: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'orders.avgAmount: orders.volume / orders.total.',
      resolve: async (group, _args, context) => (await orders(context, group, 'ordersAvgAmount')) as never,
    }),
    avgDeliveryDays: t.float({
      nullable: true,
      description: 'orders.avgDeliveryDays: over orders delivered in the period, the average days from order to delivery. Records: kpiOrders(figure: ORDERS_DELIVERED).',
      resolve: (group, _args, context) => orders(context, group, 'ordersAvgDeliveryDays') as Promise<number | null>,
    }),
    intake: t.field({
      type: [KpiOrderMonthRef],
      description: 'orders.intake: orders dated in the period, per month.',
      resolve: (group, _args, context) => orders(context, group, 'ordersIntake') as never,
    }),
    open: t.field({
      type: KpiTotalRef,
      description: "OPEN orders (my.orders on the viewer's board). Records: kpiOrders(figure: ORDERS_OPEN).",
      resolve: (group, _args, context) => orders(context, group, 'ordersOpen') as Promise<KpiTotal>,
    }),
  }),
});
