import { builder } from '../../builder.ts';
import { ownedBy } from '../../domain/kpis/kpi-query.ts';
import type { TeamRow } from '../../domain/kpis/team-figures.ts';
import type { KpiTotal } from '../../domain/kpis/values.ts';
import { TeamRef } from '../team.ts';
import { UserRef } from '../user.ts';
import { requireViewer } from '../viewer.ts';
import { boardFigure, figure, kpiLoaders } from './kpi-loaders.ts';
import { KpiForecastMonthRef } from './kpi-forecast.ts';
import type { KpiGroup } from './kpi-pipeline.ts';
import { KpiCustomerCountRef, KpiOpenTotalRef, KpiTotalRef, type CustomerCount, type OpenTotal } from './kpi-values.ts';

function teamRowFields(who: string) {
  return {
    won: `DEALs ${who} won in the period. Records: kpiOpportunities(figure: DEALS_WON) narrowed to ${who === 'the user' ? 'the owner' : 'the team'}.`,
    lost: `DEALs ${who} lost in the period. Records: DEALS_LOST narrowed the same way.`,
    owned: `Open DEALs ${who} owns now. Records: DEALS_OPEN narrowed the same way.`,
    revenue: `Revenue in the period of the opportunities ${who} owns (net of their invoices, not cancelled). Records: kpiInvoices(figure: OWNED_REVENUE) narrowed the same way.`,
  };
}

const userTexts = teamRowFields('the user');
const KpiUserRowRef = builder.objectRef<TeamRow>('KpiUserRow').implement({
  description: "A person's row of the Team tab.",
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: async (row, _args, context) => (await kpiLoaders(context).user.load(row.id))! }),
    won: t.field({ type: KpiTotalRef, description: userTexts.won, resolve: (row) => row.won }),
    lost: t.field({ type: KpiTotalRef, description: userTexts.lost, resolve: (row) => row.lost }),
    owned: t.field({ type: KpiTotalRef, description: userTexts.owned, resolve: (row) => row.owned }),
    revenue: t.field({ type: KpiTotalRef, description: userTexts.revenue, resolve: (row) => row.revenue }),
  }),
});

const teamTexts = teamRowFields('the team');
const KpiTeamRowRef = builder.objectRef<TeamRow>('KpiTeamRow').implement({
  description: "A team's row of the Team tab.",
  fields: (t) => ({
    team: t.field({ type: TeamRef, resolve: async (row, _args, context) => (await kpiLoaders(context).team.load(row.id))! }),
    won: t.field({ type: KpiTotalRef, description: teamTexts.won, resolve: (row) => row.won }),
    lost: t.field({ type: KpiTotalRef, description: teamTexts.lost, resolve: (row) => row.lost }),
    owned: t.field({ type: KpiTotalRef, description: teamTexts.owned, resolve: (row) => row.owned }),
    revenue: t.field({ type: KpiTotalRef, description: teamTexts.revenue, resolve: (row) => row.revenue }),
  }),
});

export const KpiTeamRef = builder.objectRef<KpiGroup>('KpiTeam').implement({
  description: 'Team tab (kpis.md): deals won, lost and owned, and revenue, per user and per team. One statement for both lists.',
  fields: (t) => ({
    byUser: t.field({
      type: [KpiUserRowRef],
      description: 'The active members of the readable teams in scope, and anyone else with figures, by name.',
      resolve: (group, _args, context) => figure<TeamRow[]>(context, 'team', group.query, 'teamByUser'),
    }),
    byTeam: t.field({
      type: [KpiTeamRowRef],
      description: 'The readable sales teams in scope, and any other team with figures, by name.',
      resolve: (group, _args, context) => figure<TeamRow[]>(context, 'team', group.query, 'teamByTeam'),
    }),
  }),
});

/** My board: the same figures with the owner filter set to the viewer. */
const mine = (group: KpiGroup, context: Parameters<typeof requireViewer>[0]) => ownedBy(group.query, requireViewer(context).id);

const KpiMyDealsRef = builder.objectRef<KpiGroup>('KpiMyDeals').implement({
  description: 'my.deals: the open DEALs the viewer owns, with their forecast by month.',
  fields: (t) => ({
    open: t.field({
      type: KpiOpenTotalRef,
      description: 'Records: kpiOpportunities(figure: DEALS_OPEN) with scope.ownerIds [me].',
      resolve: (group, _args, context) => boardFigure<OpenTotal>(context, 'opportunities', group.query, 'dealsOpen'),
    }),
    forecastByMonth: t.field({
      type: [KpiForecastMonthRef],
      description: 'forecast.byMonth restricted to them, next to the viewer\'s own monthly target.',
      resolve: (group, _args, context) => boardFigure(context, 'opportunities', group.query, 'forecastByMonth'),
    }),
  }),
});

const KpiMyTasksRef = builder.objectRef<KpiGroup>('KpiMyTasks').implement({
  description: 'my.tasks: the viewer\'s open activities. Records: kpiActivities(figure: ACTIVITIES_OPEN) with scope.ownerIds [me], overdue first.',
  fields: (t) => ({
    open: t.int({ resolve: (group, _args, context) => boardFigure<number>(context, 'activities', group.query, 'activitiesOpen') }),
    overdue: t.int({ resolve: (group, _args, context) => boardFigure<number>(context, 'activities', group.query, 'activitiesOverdue') }),
  }),
});

const KpiMyInvoicesRef = builder.objectRef<KpiGroup>('KpiMyInvoices').implement({
  description: 'my.invoices: the viewer\'s OPEN invoices (gross), and the overdue ones among them.',
  fields: (t) => ({
    open: t.field({ type: KpiTotalRef, resolve: (group, _args, context) => boardFigure<KpiTotal>(context, 'invoices', group.query, 'invoicesOpen') }),
    overdue: t.field({ type: KpiTotalRef, resolve: (group, _args, context) => boardFigure<KpiTotal>(context, 'invoices', group.query, 'invoicesOverdue') }),
  }),
});

export const KpiMyBoardRef = builder.objectRef<KpiGroup>('KpiMyBoard').implement({
  description:
    "My board (kpis.md): the viewer's own figures: the kpis' period and team/pipeline scope with the owner set to the viewer. Each drill-down is the general one with scope.ownerIds [the viewer]. my.inbox and my.tickets come with their modules.",
  fields: (t) => ({
    revenue: t.field({
      type: KpiTotalRef,
      description: "my.revenue: revenue in the period of the opportunities the viewer owns. Records: kpiInvoices(figure: OWNED_REVENUE).",
      resolve: (group, _args, context) => boardFigure<KpiTotal>(context, 'team', mine(group, context), 'ownedRevenue'),
    }),
    leads: t.field({
      type: KpiOpenTotalRef,
      description: 'my.leads: open LEADs the viewer owns. Records: kpiOpportunities(figure: LEADS_OPEN).',
      resolve: (group, _args, context) => boardFigure<OpenTotal>(context, 'opportunities', mine(group, context), 'leadsOpen'),
    }),
    deals: t.field({ type: KpiMyDealsRef, resolve: (group, _args, context) => ({ query: mine(group, context) }) }),
    tasks: t.field({ type: KpiMyTasksRef, resolve: (group, _args, context) => ({ query: mine(group, context) }) }),
    quotes: t.field({
      type: KpiTotalRef,
      description: 'my.quotes: the viewer\'s quotes in DRAFT or SENT. Records: kpiQuotes(figure: QUOTES_OPEN).',
      resolve: (group, _args, context) => boardFigure<KpiTotal>(context, 'quotes', mine(group, context), 'quotesOpen'),
    }),
    orders: t.field({
      type: KpiTotalRef,
      description: 'my.orders: the viewer\'s OPEN orders. Records: kpiOrders(figure: ORDERS_OPEN).',
      resolve: (group, _args, context) => boardFigure<KpiTotal>(context, 'orders', mine(group, context), 'ordersOpen'),
    }),
    invoices: t.field({ type: KpiMyInvoicesRef, resolve: (group, _args, context) => ({ query: mine(group, context) }) }),
    activeContacts: t.field({
      type: KpiCustomerCountRef,
      description: 'my.activeContacts: accounts and contacts the viewer owns with an activity in the period. Records: kpiAccounts / kpiContacts(figure: ACTIVE).',
      resolve: (group, _args, context) => boardFigure<CustomerCount>(context, 'customers', mine(group, context), 'contactsActive'),
    }),
    followed: t.field({
      type: KpiTotalRef,
      description:
        'my.followed: the opportunities the viewer follows and may read (their latest changes: followedOpportunities { history(first: 1) }). Records: kpiOpportunities(figure: FOLLOWED).',
      resolve: (group, _args, context) => boardFigure<KpiTotal>(context, 'opportunities', group.query, 'followed'),
    }),
  }),
});
