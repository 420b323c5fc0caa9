import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { Budget, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { Decimal, roundMoney, sumMoney, type Money } from '../money.ts';
import { entityId, omittable, parseInput } from '../validation.ts';

type Tx = Prisma.TransactionClient;

/**
 * Sales budgets (SOLL): a yearly target revenue of a SALES team, or of one of its members, with
 * twelve months created along with it (split evenly or by a seasonal profile). Each month can be
 * edited; the year's total is always their sum. ADMIN and the team's MANAGER edit, the team reads.
 */

/**
 * A machine builder's year: quiet January and August (works holidays), strong autumn when budgets
 * are spent. Weights per month, January first; they add up to 100.
 */
export const SEASONAL_PROFILE = [6, 7, 9, 9, 9, 8, 8, 5, 9, 10, 10, 10] as const;

const amount = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, 'Enter an amount with up to two decimals.');
const weight = z.string().trim().regex(/^\d{1,6}(\.\d{1,4})?$/, 'Enter a weight like 8 or 8.5.');

const profile = z
  .array(weight)
  .length(12, 'Give one weight per month.')
  .refine((weights) => weights.some((value) => Number(value) > 0), { message: 'At least one month needs weight.', params: { reason: 'ALL_ZERO' } });

const splitInput = {
  total: amount,
  split: z.enum(['EVEN', 'SEASONAL']),
  /** Weights of the twelve months for SEASONAL; the organisation's profile when omitted. */
  profile: omittable(profile),
};

const createBudgetInput = z.object({
  year: z.number().int().min(2000, 'From 2000.').max(2100, 'Up to 2100.'),
  teamId: entityId,
  userId: entityId.nullable().optional(),
  ...splitInput,
});
const resplitBudgetInput = z.object(splitInput);

export type CreateBudgetInput = z.input<typeof createBudgetInput>;
export type ResplitBudgetInput = z.input<typeof resplitBudgetInput>;

/** Twelve month amounts adding up exactly to `total`; the cents that rounding leaves go to December. */
export function splitTotal(total: Money | string, weights: ReadonlyArray<number | string>): Money[] {
  const sum = weights.reduce<Money>((acc, value) => acc.plus(value), new Decimal(0));
  const months = weights.slice(0, 11).map((value) => roundMoney(new Decimal(total).times(value).dividedBy(sum)));
  return [...months, roundMoney(new Decimal(total).minus(sumMoney(months)))];
}

function monthAmounts(input: z.output<typeof resplitBudgetInput>): Money[] {
  if (input.split === 'EVEN') return splitTotal(input.total, Array(12).fill(1));
  return splitTotal(input.total, input.profile ?? SEASONAL_PROFILE);
}

export function budgetReadWhere(viewer: Viewer): Prisma.BudgetWhereInput {
  if (viewer.role === 'ADMIN') return {};
  if (viewer.role === 'SERVICE') return { teamId: { in: [] } };
  return { teamId: { in: viewer.teamIds } };
}

export function canReadBudget(viewer: Viewer, budget: { teamId: string }): boolean {
  if (viewer.role === 'ADMIN') return true;
  return viewer.role !== 'SERVICE' && viewer.teamIds.includes(budget.teamId);
}

export function canEditBudget(viewer: Viewer, budget: { teamId: string }): boolean {
  if (viewer.readOnly) return false;
  return viewer.role === 'ADMIN' || (viewer.role === 'MANAGER' && viewer.teamIds.includes(budget.teamId));
}

function assertCanEdit(viewer: Viewer, budget: { teamId: string }) {
  if (!canEditBudget(viewer, budget)) throw new ForbiddenError("Only administrators and the team's managers may change its budget.");
}

export async function createBudget(prisma: PrismaClient, viewer: Viewer, rawInput: CreateBudgetInput): Promise<Budget> {
  if (viewer.readOnly || (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')) throw new ForbiddenError('Only administrators and managers may plan budgets.');
  const input = parseInput(createBudgetInput, rawInput);
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId } });
    if (!team || !canReadBudget(viewer, { teamId: team.id })) throw ValidationError.field('teamId', 'NOT_FOUND', 'Unknown team.');
    assertCanEdit(viewer, { teamId: team.id });
    if (team.type !== 'SALES') throw ValidationError.field('teamId', 'NOT_SALES_TEAM', 'Only sales teams have budgets.');
    if (input.userId) {
      const member = await tx.teamMembership.findUnique({ where: { teamId_userId: { teamId: team.id, userId: input.userId } } });
      if (!member) throw ValidationError.field('userId', 'NOT_IN_TEAM', 'Choose a member of the team.');
    }
    // The team's row lock makes "exists already?" and the insert one step for concurrent planners.
    await tx.$queryRaw`SELECT "id" FROM "Team" WHERE "id" = ${team.id}::uuid FOR UPDATE`;
    const existing = await tx.budget.findFirst({ where: { year: input.year, teamId: team.id, userId: input.userId ?? null } });
    if (existing) throw ValidationError.field('year', 'DUPLICATE', `There is a budget for ${input.year} already: edit it instead.`);
    const months = monthAmounts(input);
    return tx.budget.create({
      data: {
        year: input.year,
        teamId: team.id,
        userId: input.userId ?? null,
        total: sumMoney(months),
        split: input.split,
        months: { createMany: { data: months.map((value, index) => ({ month: index + 1, amount: value })) } },
      },
    });
  });
}

async function lockBudget(tx: Tx, viewer: Viewer, id: string): Promise<Budget> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Budget" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const budget = locked.length ? await tx.budget.findUnique({ where: { id } }) : null;
  if (!budget || !canReadBudget(viewer, budget)) throw new NotFoundError('Budget');
  assertCanEdit(viewer, budget);
  return budget;
}

/** One month's target; the year's total follows. */
export async function setBudgetMonth(prisma: PrismaClient, viewer: Viewer, id: string, rawInput: { month: number; amount: string }): Promise<Budget> {
  const input = parseInput(z.object({ month: z.number().int().min(1, 'A month from 1 to 12.').max(12, 'A month from 1 to 12.'), amount }), rawInput);
  return prisma.$transaction(async (tx) => {
    await lockBudget(tx, viewer, id);
    await tx.budgetMonth.update({ where: { budgetId_month: { budgetId: id, month: input.month } }, data: { amount: input.amount } });
    const months = await tx.budgetMonth.findMany({ where: { budgetId: id } });
    return tx.budget.update({ where: { id }, data: { total: sumMoney(months.map((month) => month.amount)) } });
  });
}

/** Spreads a (new) total over the twelve months again, replacing edits of single months. */
export async function resplitBudget(prisma: PrismaClient, viewer: Viewer, id: string, rawInput: ResplitBudgetInput): Promise<Budget> {
  const input = parseInput(resplitBudgetInput, rawInput);
  return prisma.$transaction(async (tx) => {
    await lockBudget(tx, viewer, id);
    const months = monthAmounts(input);
    for (const [index, value] of months.entries()) {
      await tx.budgetMonth.update({ where: { budgetId_month: { budgetId: id, month: index + 1 } }, data: { amount: value } });
    }
    return tx.budget.update({ where: { id }, data: { total: sumMoney(months), split: input.split } });
  });
}

export async function deleteBudget(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    await lockBudget(tx, viewer, id);
    await tx.budget.delete({ where: { id } });
    return { id };
  });
}
