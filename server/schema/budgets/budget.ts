import DataLoader from 'dataloader';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { budgetReadWhere, canEditBudget, canReadBudget, createBudget, deleteBudget, resplitBudget, setBudgetMonth } from '../../domain/budgets/budgets.ts';
import { actualRevenueByMonth } from '../../domain/budgets/plan-vs-actual.ts';
import { sumMoney, type Money } from '../../domain/money.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { decodeId, decodeInputId } from '../ids.ts';
import { validatedResult } from '../mutation-result.ts';
import { requireViewer } from '../viewer.ts';

const BudgetSplitEnum = builder.enumType('BudgetSplit', {
  values: { EVEN: { description: 'Twelve equal months.' }, SEASONAL: { description: 'Months weighted by a seasonal profile.' } },
});

/** Actual revenue of all budgets a request shows, in one statement. */
const actualLoaders = new WeakMap<Context, DataLoader<string, Money[]>>();
function actualOf(context: Context, budgetId: string) {
  let loader = actualLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const actual = await actualRevenueByMonth(context.prisma, ids);
      return ids.map((id) => actual.get(id)!);
    });
    actualLoaders.set(context, loader);
  }
  return loader.load(budgetId);
}

interface MonthFigures {
  month: number;
  plan: Prisma.Decimal;
  actual: Money;
}

const BudgetMonthRef = builder.objectRef<MonthFigures>('BudgetMonth').implement({
  description: 'Plan (SOLL) and actual revenue (IST: net of the invoices issued that month, not cancelled) of one month.',
  fields: (t) => ({
    month: t.exposeInt('month', { description: '1-12.' }),
    plan: t.expose('plan', { type: 'Decimal' }),
    actual: t.expose('actual', { type: 'Decimal' }),
  }),
});

builder.prismaNode('Budget', {
  id: { field: 'id' },
  nullable: true,
  description: 'The target revenue of a sales team (or of one member) for a year, in twelve months.',
  findUnique: (id, context) => ({ id, ...(budgetReadWhere(requireViewer(context)) as { teamId?: { in: string[] } }) }),
  runScopesOnType: true,
  authScopes: (budget, context) => context.viewer !== null && canReadBudget(context.viewer, budget),
  fields: (t) => ({
    year: t.exposeInt('year'),
    team: t.relation('team'),
    user: t.relation('user', { nullable: true, description: "Set for a member's own budget within the team." }),
    total: t.expose('total', { type: 'Decimal', description: 'The sum of the months.' }),
    split: t.expose('split', { type: BudgetSplitEnum, description: 'How the months were last spread.' }),
    months: t.field({
      type: [BudgetMonthRef],
      select: { months: { orderBy: { month: 'asc' } } },
      resolve: async (budget, _args, context) => {
        const actual = await actualOf(context, budget.id);
        return budget.months.map((month) => ({ month: month.month, plan: month.amount, actual: actual[month.month - 1] }));
      },
    }),
    actualTotal: t.field({ type: 'Decimal', resolve: async (budget, _args, context) => sumMoney(await actualOf(context, budget.id)) }),
    viewerCanEdit: t.boolean({ resolve: (budget, _args, context) => canEditBudget(requireViewer(context), budget) }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  budgets: t.prismaField({
    type: ['Budget'],
    authScopes: { sales: true },
    description: "The budgets the viewer may read (their teams'; all for ADMIN), team budgets before members', by team name.",
    args: { year: t.arg.int(), teamId: t.arg.id() },
    resolve: (query, _root, args, context) =>
      context.prisma.budget.findMany({
        ...query,
        where: {
          ...budgetReadWhere(requireViewer(context)),
          ...(args.year ? { year: args.year } : {}),
          ...(args.teamId ? { teamId: decodeId(args.teamId, 'Team', 'teamId') } : {}),
        },
        orderBy: [{ year: 'asc' }, { team: { name: 'asc' } }, { userId: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
        take: 500,
      }),
  }),
  budget: t.prismaField({
    type: 'Budget',
    nullable: true,
    authScopes: { sales: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.budget.findFirst({ ...query, where: { id: decodeId(args.id, 'Budget', 'id'), ...budgetReadWhere(requireViewer(context)) } }),
  }),
}));

const CreateBudgetInput = builder.inputType('CreateBudgetInput', {
  description: 'A yearly target of a SALES team (or of one member): its twelve months are created from the total.',
  fields: (t) => ({
    year: t.int({ required: true }),
    teamId: t.id({ required: true }),
    userId: t.id({ description: "A member's own budget within the team." }),
    total: t.field({ type: 'Decimal', required: true }),
    split: t.field({ type: BudgetSplitEnum, required: true }),
    profile: t.field({ type: ['Decimal'], description: 'SEASONAL: twelve weights, January first; the default profile when omitted.' }),
  }),
});

const ResplitBudgetInput = builder.inputType('ResplitBudgetInput', {
  fields: (t) => ({
    total: t.field({ type: 'Decimal', required: true }),
    split: t.field({ type: BudgetSplitEnum, required: true }),
    profile: t.field({ type: ['Decimal'] }),
  }),
});

const budgetId = (id: string) => decodeId(id, 'Budget', 'id');

builder.mutationFields((t) => ({
  createBudget: t.prismaField({
    type: 'Budget',
    authScopes: { writer: true },
    description: "ADMIN and the team's MANAGER.",
    errors: validatedResult('CreateBudget', 'budget'),
    args: { input: t.arg({ type: CreateBudgetInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const budget = await createBudget(context.prisma, requireViewer(context), {
        ...input,
        teamId: decodeInputId(input.teamId, 'Team') as string,
        userId: decodeInputId(input.userId, 'User'),
      });
      return context.prisma.budget.findUniqueOrThrow({ ...query, where: { id: budget.id } });
    },
  }),
  setBudgetMonth: t.prismaField({
    type: 'Budget',
    authScopes: { writer: true },
    description: "One month's target; the year's total follows.",
    errors: validatedResult('SetBudgetMonth', 'budget'),
    args: { id: t.arg.id({ required: true }), month: t.arg.int({ required: true }), amount: t.arg({ type: 'Decimal', required: true }) },
    resolve: async (query, _root, args, context) => {
      const budget = await setBudgetMonth(context.prisma, requireViewer(context), budgetId(args.id), { month: args.month, amount: args.amount });
      return context.prisma.budget.findUniqueOrThrow({ ...query, where: { id: budget.id } });
    },
  }),
  resplitBudget: t.prismaField({
    type: 'Budget',
    authScopes: { writer: true },
    description: 'Spreads a (new) total over the months again, replacing edits of single months.',
    errors: validatedResult('ResplitBudget', 'budget'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ResplitBudgetInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const budget = await resplitBudget(context.prisma, requireViewer(context), budgetId(id), input);
      return context.prisma.budget.findUniqueOrThrow({ ...query, where: { id: budget.id } });
    },
  }),
  deleteBudget: t.id({
    authScopes: { writer: true },
    errors: validatedResult('DeleteBudget', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => encodeGlobalID('Budget', (await deleteBudget(context.prisma, requireViewer(context), budgetId(id))).id),
  }),
}));
