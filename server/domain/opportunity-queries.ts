import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { opportunityReadWhere } from './access.ts';
import { ZERO, type Money } from './money.ts';
import { entityId, parseInput } from './validation.ts';

const DAY_MS = 86_400_000;
const decimal = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, 'Enter an amount like 1000.00.');

/** Filters of the opportunity list and the board; all given conditions must hold. */
const opportunityFilter = z.object({
  search: z.string().trim().max(200, 'At most 200 characters.').nullish(),
  pipelineIds: z.array(entityId).max(50).nullish(),
  stageIds: z.array(entityId).max(100).nullish(),
  ownerIds: z.array(entityId).max(50).nullish(),
  teamIds: z.array(entityId).max(50).nullish(),
  accountId: entityId.nullish(),
  kinds: z.array(z.enum(['LEAD', 'DEAL'])).nullish(),
  statuses: z.array(z.enum(['OPEN', 'WON', 'LOST'])).nullish(),
  closeDateFrom: z.date().nullish(),
  closeDateTo: z.date().nullish(),
  amountMin: decimal.nullish(),
  amountMax: decimal.nullish(),
  tagIds: z.array(entityId).max(50).nullish(),
  /** true: only stale open opportunities; false: only the others. */
  stale: z.boolean().nullish(),
});

export type OpportunityFilter = z.input<typeof opportunityFilter>;
export type OpportunitySortField = 'expectedCloseDate' | 'amount' | 'weightedAmount' | 'probability' | 'title' | 'createdAt' | 'updatedAt';

export interface StaleRule {
  now: Date;
  staleAfterDays: number;
}

/** Where the "without activity" clock starts: the last activity, else creation. */
const staleCutoff = ({ now, staleAfterDays }: StaleRule) => new Date(now.getTime() - staleAfterDays * DAY_MS);

export function staleWhere(rule: StaleRule): Prisma.OpportunityWhereInput {
  const cutoff = staleCutoff(rule);
  return {
    status: 'OPEN',
    OR: [{ lastActivityAt: { lt: cutoff } }, { lastActivityAt: null, createdAt: { lt: cutoff } }],
  };
}

export function daysWithoutActivity(opportunity: Pick<Opportunity, 'lastActivityAt' | 'createdAt'>, now: Date): number {
  const since = opportunity.lastActivityAt ?? opportunity.createdAt;
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

export function isStale(opportunity: Pick<Opportunity, 'lastActivityAt' | 'createdAt' | 'status'>, rule: StaleRule): boolean {
  return opportunity.status === 'OPEN' && (opportunity.lastActivityAt ?? opportunity.createdAt) < staleCutoff(rule);
}

export function opportunityListWhere(viewer: Viewer, rawFilter: OpportunityFilter, rule: StaleRule): Prisma.OpportunityWhereInput {
  const filter = parseInput(opportunityFilter, rawFilter, 'filter');
  const and: Prisma.OpportunityWhereInput[] = [opportunityReadWhere(viewer)];
  for (const term of (filter.search ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const humanNumber = /^(?:opp-)?(\d{1,9})$/i.exec(term)?.[1];
    and.push({
      OR: [
        { title: { contains: term, mode: 'insensitive' } },
        { account: { name: { contains: term, mode: 'insensitive' } } },
        { contact: { lastName: { contains: term, mode: 'insensitive' } } },
        { nextStep: { contains: term, mode: 'insensitive' } },
        ...(humanNumber ? [{ number: Number(humanNumber) }] : []),
      ],
    });
  }
  if (filter.pipelineIds?.length) and.push({ pipelineId: { in: filter.pipelineIds } });
  if (filter.stageIds?.length) and.push({ stageId: { in: filter.stageIds } });
  if (filter.ownerIds?.length) and.push({ ownerId: { in: filter.ownerIds } });
  if (filter.teamIds?.length) and.push({ teamId: { in: filter.teamIds } });
  if (filter.accountId) and.push({ accountId: filter.accountId });
  if (filter.kinds?.length) and.push({ kind: { in: filter.kinds } });
  if (filter.statuses?.length) and.push({ status: { in: filter.statuses } });
  if (filter.closeDateFrom) and.push({ expectedCloseDate: { gte: filter.closeDateFrom } });
  if (filter.closeDateTo) and.push({ expectedCloseDate: { lte: filter.closeDateTo } });
  if (filter.amountMin) and.push({ amount: { gte: filter.amountMin } });
  if (filter.amountMax) and.push({ amount: { lte: filter.amountMax } });
  if (filter.tagIds?.length) and.push({ tags: { some: { tagId: { in: filter.tagIds } } } });
  if (filter.stale === true) and.push(staleWhere(rule));
  if (filter.stale === false) and.push({ NOT: staleWhere(rule) });
  return { AND: and };
}

/** The id breaks ties, so cursor pagination is stable when the sort key repeats. */
export function opportunityOrderBy(
  field: OpportunitySortField = 'expectedCloseDate',
  direction: 'asc' | 'desc' = 'asc',
): Prisma.OpportunityOrderByWithRelationInput[] {
  return [{ [field]: direction }, { id: direction }];
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
