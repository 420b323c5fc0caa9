import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { accountReadWhere, contactReadWhere, opportunityReadWhere } from './access.ts';
import { ZERO, type Money } from './money.ts';
import { containsText, opportunityNumber, searchTerms } from './text-search.ts';
import { calendarDay, entityId, moment, parseInput } from './validation.ts';

const DAY_MS = 86_400_000;
const decimal = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, 'Enter an amount like 1000.00.');

/** Filters of the opportunity list and the board; all given conditions must hold. */
export const opportunityFilterSchema = z.object({
  search: z.string().trim().max(200, 'At most 200 characters.').nullish(),
  pipelineIds: z.array(entityId).max(50).nullish(),
  stageIds: z.array(entityId).max(100).nullish(),
  ownerIds: z.array(entityId).max(50).nullish(),
  /** Only the viewer's own opportunities. */
  mine: z.boolean().nullish(),
  teamIds: z.array(entityId).max(50).nullish(),
  accountId: entityId.nullish(),
  contactId: entityId.nullish(),
  kinds: z.array(z.enum(['LEAD', 'DEAL'])).nullish(),
  statuses: z.array(z.enum(['OPEN', 'WON', 'LOST'])).nullish(),
  closeDateFrom: calendarDay().nullish(),
  closeDateTo: calendarDay().nullish(),
  /** When it was won or lost. */
  closedFrom: moment().nullish(),
  closedTo: moment().nullish(),
  amountMin: decimal.nullish(),
  amountMax: decimal.nullish(),
  tagIds: z.array(entityId).max(50).nullish(),
  sourceIds: z.array(entityId).max(50).nullish(),
  /** true: only stale open opportunities; false: only the others. */
  stale: z.boolean().nullish(),
  /** true: only those the viewer follows; false: only the others. */
  followed: z.boolean().nullish(),
  /** true: only those with no open activity planned; false: only those with one. */
  withoutOpenActivity: z.boolean().nullish(),
});

export type OpportunityFilter = z.input<typeof opportunityFilterSchema>;

/**
 * Sort keys of the opportunity list. `accountName`, `ownerName` and `stage` sort by the linked
 * record (the stage by its pipeline's position, then its own); `daysWithoutActivity` ascending
 * puts the most recently active first.
 */
export const OPPORTUNITY_SORT_FIELDS = [
  'title',
  'accountName',
  'stage',
  'ownerName',
  'amount',
  'weightedAmount',
  'probability',
  'expectedCloseDate',
  'status',
  'lastActivityAt',
  'daysWithoutActivity',
  'createdAt',
  'updatedAt',
] as const;
export type OpportunitySortField = (typeof OPPORTUNITY_SORT_FIELDS)[number];

export interface StaleRule {
  now: Date;
  staleAfterDays: number;
}

/** Where the "without activity" clock starts: the last activity, else creation (`inactiveSince`). */
const staleCutoff = ({ now, staleAfterDays }: StaleRule) => new Date(now.getTime() - staleAfterDays * DAY_MS);

export function staleWhere(rule: StaleRule): Prisma.OpportunityWhereInput {
  return { status: 'OPEN', inactiveSince: { lt: staleCutoff(rule) } };
}

/** The short id people quote, like OPP-1042. */
export const opportunityHumanId = (opportunity: Pick<Opportunity, 'number'>) => `OPP-${opportunity.number}`;

export function daysWithoutActivity(opportunity: Pick<Opportunity, 'lastActivityAt' | 'createdAt'>, now: Date): number {
  const since = opportunity.lastActivityAt ?? opportunity.createdAt;
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

export function isStale(opportunity: Pick<Opportunity, 'lastActivityAt' | 'createdAt' | 'status'>, rule: StaleRule): boolean {
  return opportunity.status === 'OPEN' && (opportunity.lastActivityAt ?? opportunity.createdAt) < staleCutoff(rule);
}

/**
 * Words of `search` each match the title, next step or OPP- number, or the name of the account or
 * contact, but only of an account or contact the viewer may read: a hidden record's name must
 * not make an opportunity turn up.
 */
function searchWhere(viewer: Viewer, term: string): Prisma.OpportunityWhereInput {
  const number = opportunityNumber(term);
  return {
    OR: [
      { title: containsText(term) },
      { nextStep: containsText(term) },
      { account: { AND: [accountReadWhere(viewer), { name: containsText(term) }] } },
      { contact: { AND: [contactReadWhere(viewer), { OR: [{ firstName: containsText(term) }, { lastName: containsText(term) }] }] } },
      ...(number !== null ? [{ number }] : []),
    ],
  };
}

export function opportunityListWhere(viewer: Viewer, rawFilter: OpportunityFilter, rule: StaleRule): Prisma.OpportunityWhereInput {
  const filter = parseInput(opportunityFilterSchema, rawFilter, 'filter');
  const and: Prisma.OpportunityWhereInput[] = [opportunityReadWhere(viewer)];
  for (const term of searchTerms(filter.search)) and.push(searchWhere(viewer, term));
  if (filter.pipelineIds?.length) and.push({ pipelineId: { in: filter.pipelineIds } });
  if (filter.stageIds?.length) and.push({ stageId: { in: filter.stageIds } });
  if (filter.ownerIds?.length) and.push({ ownerId: { in: filter.ownerIds } });
  if (filter.mine) and.push({ ownerId: viewer.id });
  if (filter.teamIds?.length) and.push({ teamId: { in: filter.teamIds } });
  if (filter.accountId) and.push({ accountId: filter.accountId });
  if (filter.contactId) and.push({ contactId: filter.contactId });
  if (filter.kinds?.length) and.push({ kind: { in: filter.kinds } });
  if (filter.statuses?.length) and.push({ status: { in: filter.statuses } });
  if (filter.closeDateFrom) and.push({ expectedCloseDate: { gte: filter.closeDateFrom } });
  if (filter.closeDateTo) and.push({ expectedCloseDate: { lte: filter.closeDateTo } });
  if (filter.closedFrom) and.push({ closedAt: { gte: filter.closedFrom } });
  if (filter.closedTo) and.push({ closedAt: { lt: filter.closedTo } });
  if (filter.amountMin) and.push({ amount: { gte: filter.amountMin } });
  if (filter.amountMax) and.push({ amount: { lte: filter.amountMax } });
  if (filter.tagIds?.length) and.push({ tags: { some: { tagId: { in: filter.tagIds } } } });
  if (filter.sourceIds?.length) and.push({ sourceId: { in: filter.sourceIds } });
  if (filter.stale === true) and.push(staleWhere(rule));
  if (filter.stale === false) and.push({ NOT: staleWhere(rule) });
  if (filter.followed === true) and.push({ followers: { some: { userId: viewer.id } } });
  if (filter.followed === false) and.push({ followers: { none: { userId: viewer.id } } });
  if (filter.withoutOpenActivity === true) and.push({ activities: { none: { doneAt: null } } });
  if (filter.withoutOpenActivity === false) and.push({ activities: { some: { doneAt: null } } });
  return { AND: and };
}

/** Filters whose meaning depends on who asks ("mine", "followed"): results cannot be shared between viewers. */
export function isViewerDependent(filter: OpportunityFilter): boolean {
  return Boolean(filter.mine) || (filter.followed !== null && filter.followed !== undefined);
}

type Direction = 'asc' | 'desc';
const flip = (direction: Direction): Direction => (direction === 'asc' ? 'desc' : 'asc');

function sortKeys(field: OpportunitySortField, direction: Direction): Prisma.OpportunityOrderByWithRelationInput[] {
  switch (field) {
    case 'accountName':
      return [{ account: { name: direction } }];
    case 'ownerName':
      return [{ owner: { name: direction } }];
    case 'stage':
      return [{ pipeline: { position: direction } }, { pipeline: { name: direction } }, { stage: { position: direction } }];
    case 'lastActivityAt':
      return [{ lastActivityAt: { sort: direction, nulls: 'last' } }];
    case 'daysWithoutActivity':
      return [{ inactiveSince: flip(direction) }];
    default:
      return [{ [field]: direction }];
  }
}

/** The id breaks ties, so cursor pagination is stable when the sort key repeats. */
export function opportunityOrderBy(
  field: OpportunitySortField = 'expectedCloseDate',
  direction: Direction = 'asc',
): Prisma.OpportunityOrderByWithRelationInput[] {
  return [...sortKeys(field, direction), { id: direction }];
}

export interface StageTotals {
  count: number;
  amount: Money;
  weightedAmount: Money;
}

/** Count, amount and weighted amount of the open opportunities per stage: one statement. */
export async function stageTotals(
  prisma: PrismaClient,
  where: Prisma.OpportunityWhereInput,
): Promise<Map<string, StageTotals>> {
  const rows = await prisma.opportunity.groupBy({
    by: ['stageId'],
    where: { AND: [where, { status: 'OPEN' }] },
    _count: { _all: true },
    _sum: { amount: true, weightedAmount: true },
  });
  return new Map(
    rows.map((row) => [
      row.stageId,
      { count: row._count._all, amount: row._sum.amount ?? ZERO, weightedAmount: row._sum.weightedAmount ?? ZERO },
    ]),
  );
}

/** Board cards: open opportunities, the ones closing first on top. */
export const BOARD_CARD_ORDER: Prisma.OpportunityOrderByWithRelationInput[] = [{ expectedCloseDate: 'asc' }, { id: 'asc' }];
