import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { KpiQuery } from '../../domain/kpis/kpi-query.ts';
import { figure } from './kpi-loaders.ts';
import { KpiLossReasonFigureRef, KpiMonthTotalRef, KpiOpenTotalRef, KpiStageFigureRef, KpiTotalRef } from './kpi-values.ts';

/** A group of figures: the query they are computed for. */
export interface KpiGroup {
  query: KpiQuery;
}

const opportunities = <Value = never>(context: Context, group: KpiGroup, part: string) => figure<Value>(context, 'opportunities', group.query, part);
const records = (figureName: string) => `Records: kpiOpportunities(figure: ${figureName}).`;

export const KpiLeadsRef = builder.objectRef<KpiGroup>('KpiLeads').implement({
  description: 'leads.* (kpis.md): opportunities of kind LEAD. One statement for all opportunity figures of a request with the same period, scope and asOf.',
  fields: (t) => ({
    total: t.field({
      type: KpiTotalRef,
      description: `leads.total: LEADs created in the period, including those converted to a deal since. ${records('LEADS_CREATED')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'leadsTotal'),
    }),
    toDealRate: t.float({
      nullable: true,
      description: 'leads.toDealRate: the fraction of leads.total that became a DEAL (null when leads.total is 0). Records: kpiOpportunities(figure: LEADS_CONVERTED).',
      resolve: (group, _args, context) => opportunities(context, group, 'leadsToDealRate'),
    }),
    won: t.field({
      type: KpiTotalRef,
      description: `leads.won: LEADs closed WON in the period without becoming a deal. ${records('LEADS_WON')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'leadsWon'),
    }),
    lost: t.field({
      type: KpiTotalRef,
      description: `leads.lost: LEADs closed LOST in the period. ${records('LEADS_LOST')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'leadsLost'),
    }),
    intake: t.field({
      type: [KpiMonthTotalRef],
      description: 'leads.intake: leads.total per month of the period. Records: LEADS_CREATED with the period narrowed to the month.',
      resolve: (group, _args, context) => opportunities(context, group, 'leadsIntake'),
    }),
    avgDwellDays: t.float({
      nullable: true,
      description: `leads.avgDwellDays: over LEADs converted or closed in the period, the average days from creation to conversion or close. ${records('LEADS_SETTLED')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'leadsAvgDwellDays'),
    }),
    lossReasons: t.field({
      type: [KpiLossReasonFigureRef],
      description: 'leads.lossReasons: leads.lost per loss reason. Records: LEADS_LOST with group.lossReasonId.',
      resolve: (group, _args, context) => opportunities(context, group, 'leadsLossReasons'),
    }),
    withoutActivity: t.field({
      type: KpiTotalRef,
      nullable: true,
      description: `leads.withoutActivity: open LEADs without activity (on them, their account or contact) for the organisation's staleAfterDays, counted from creation for new ones. With asOf, from the activities as they were then (those about an account or contact as they are now). ${records('LEADS_WITHOUT_ACTIVITY')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'leadsWithoutActivity'),
    }),
    open: t.field({
      type: KpiOpenTotalRef,
      description: `Open LEADs (my.leads on the viewer's board). ${records('LEADS_OPEN')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'leadsOpen'),
    }),
  }),
});

export const KpiDealsRef = builder.objectRef<KpiGroup>('KpiDeals').implement({
  description: 'deals.* (kpis.md): opportunities of kind DEAL.',
  fields: (t) => ({
    total: t.field({
      type: KpiTotalRef,
      description: `deals.total: DEALs created, or converted from a lead, in the period. ${records('DEALS_CREATED')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsTotal'),
    }),
    weightedOpen: t.field({
      type: KpiTotalRef,
      description: `deals.weightedOpen: the open DEALs and the sum of their weighted amounts ("estimated"). ${records('DEALS_OPEN')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsWeightedOpen'),
    }),
    winRate: t.float({
      nullable: true,
      description: 'deals.winRate: DEALs won / (won + lost), closed in the period; null without closed deals. Records: DEALS_WON over DEALS_CLOSED.',
      resolve: (group, _args, context) => opportunities(context, group, 'dealsWinRate'),
    }),
    won: t.field({
      type: KpiTotalRef,
      description: `deals.won: DEALs closed WON in the period. ${records('DEALS_WON')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsWon'),
    }),
    lost: t.field({
      type: KpiTotalRef,
      description: `deals.lost: DEALs closed LOST in the period. ${records('DEALS_LOST')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsLost'),
    }),
    intake: t.field({
      type: [KpiMonthTotalRef],
      description: 'deals.intake: deals.total per month of the period. Records: DEALS_CREATED with the period narrowed to the month.',
      resolve: (group, _args, context) => opportunities(context, group, 'dealsIntake'),
    }),
    avgDwellDays: t.float({
      nullable: true,
      description: `deals.avgDwellDays: over DEALs closed in the period, the average days from becoming a deal to the close. ${records('DEALS_CLOSED')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsAvgDwellDays'),
    }),
    byStage: t.field({
      type: [KpiStageFigureRef],
      description: 'deals.byStage: open DEALs per stage of the deal pipelines in scope (potential revenue per stage). Records: DEALS_OPEN with group.stageId.',
      resolve: (group, _args, context) => opportunities(context, group, 'dealsByStage'),
    }),
    pipelineValue: t.field({
      type: KpiTotalRef,
      description: `deals.pipelineValue: the open DEALs and the sum of their amounts. ${records('DEALS_OPEN')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsPipelineValue'),
    }),
    withoutActivity: t.field({
      type: KpiTotalRef,
      nullable: true,
      description: `deals.withoutActivity: open DEALs without activity, as leads.withoutActivity, also with asOf. ${records('DEALS_WITHOUT_ACTIVITY')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsWithoutActivity'),
    }),
    lossReasons: t.field({
      type: [KpiLossReasonFigureRef],
      description: 'deals.lossReasons: deals.lost per loss reason. Records: DEALS_LOST with group.lossReasonId.',
      resolve: (group, _args, context) => opportunities(context, group, 'dealsLossReasons'),
    }),
    closingThisMonth: t.field({
      type: KpiTotalRef,
      description: `deals.closingThisMonth (Month tab): open DEALs expected to close in the current month. ${records('DEALS_CLOSING_THIS_MONTH')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsClosingThisMonth'),
    }),
    open: t.field({
      type: KpiOpenTotalRef,
      description: `Open DEALs: count, amount, weighted amount (my.deals on the viewer's board). ${records('DEALS_OPEN')}`,
      resolve: (group, _args, context) => opportunities(context, group, 'dealsOpen'),
    }),
  }),
});
