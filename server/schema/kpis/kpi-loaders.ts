import DataLoader from 'dataloader';
import type { Context } from '../../context.ts';
import { canReadCustomerRecord } from '../../domain/access.ts';
import { activityFamily } from '../../domain/kpis/activity-figures.ts';
import { customerFamily } from '../../domain/kpis/customer-figures.ts';
import { runFamilies, type Family } from '../../domain/kpis/family.ts';
import { invoiceFamily } from '../../domain/kpis/invoice-figures.ts';
import { queryKey, type KpiQuery } from '../../domain/kpis/kpi-query.ts';
import { opportunityFamily } from '../../domain/kpis/opportunity-figures.ts';
import { orderFamily, quoteFamily } from '../../domain/kpis/quote-order-figures.ts';
import { teamFamily } from '../../domain/kpis/team-figures.ts';
import type { Account, LossReason, Pipeline, Product, Stage, Team, User } from '../../generated/prisma/client.ts';
import { requireViewer } from '../viewer.ts';

export const FAMILIES = {
  opportunities: opportunityFamily,
  invoices: invoiceFamily,
  quotes: quoteFamily,
  orders: orderFamily,
  activities: activityFamily,
  customers: customerFamily,
  team: teamFamily,
} satisfies Record<string, Family>;
export type FamilyName = keyof typeof FAMILIES;

interface FigureKey {
  family: FamilyName;
  query: KpiQuery;
  part: string;
}

/**
 * The figures of one tick, grouped by family and query, each group answered by one statement:
 * side by side on separate connections (`together` false), where PostgreSQL works on large
 * aggregates in parallel; or all groups in one statement (`together`), where many small ones
 * (My board) would spend more on round trips than on reading rows.
 */
function figureLoader(prisma: Context['prisma'], together: boolean) {
  return new DataLoader<FigureKey, unknown, string>(
    async (keys) => {
      const groups = new Map<string, { family: FamilyName; query: KpiQuery; parts: Set<string> }>();
      for (const key of keys) {
        const groupKey = `${key.family}|${queryKey(key.query)}`;
        const group = groups.get(groupKey) ?? { family: key.family, query: key.query, parts: new Set<string>() };
        group.parts.add(key.part);
        groups.set(groupKey, group);
      }
      const asked = [...groups.values()].map((group) => ({ family: FAMILIES[group.family], query: group.query, partNames: [...group.parts] }));
      const answers = together ? await runFamilies(prisma, asked) : (await Promise.all(asked.map((group) => runFamilies(prisma, [group])))).flat();
      const results = new Map([...groups.keys()].map((groupKey, index) => [groupKey, answers[index]]));
      return keys.map((key) => results.get(`${key.family}|${queryKey(key.query)}`)!.get(key.part));
    },
    { cacheKeyFn: (key) => `${key.family}|${queryKey(key.query)}|${key.part}` },
  );
}

/** Per request: the figure loaders above; linked records (stages, users, ...) by one statement per kind. */
function createKpiLoaders(context: Context) {
  const byId = <Row extends { id: string }>(load: (ids: string[]) => Promise<Row[]>) =>
    new DataLoader<string, Row | null>(async (ids) => {
      const rows = new Map((await load([...ids])).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  const { prisma } = context;
  return {
    figures: figureLoader(prisma, false),
    boardFigures: figureLoader(prisma, true),
    stage: byId<Stage>((ids) => prisma.stage.findMany({ where: { id: { in: ids } } })),
    pipeline: byId<Pipeline>((ids) => prisma.pipeline.findMany({ where: { id: { in: ids } } })),
    user: byId<User>((ids) => prisma.user.findMany({ where: { id: { in: ids } } })),
    team: byId<Team>((ids) => prisma.team.findMany({ where: { id: { in: ids } } })),
    lossReason: byId<LossReason>((ids) => prisma.lossReason.findMany({ where: { id: { in: ids } } })),
    product: byId<Product>((ids) => prisma.product.findMany({ where: { id: { in: ids } } })),
    /** Accounts the viewer may read; another team's account is null (its name must not show). */
    account: byId<Account>(async (ids) => {
      const viewer = requireViewer(context);
      return (await prisma.account.findMany({ where: { id: { in: ids } } })).filter((account) => canReadCustomerRecord(viewer, account));
    }),
  };
}

const loadersOfRequest = new WeakMap<Context, ReturnType<typeof createKpiLoaders>>();

export function kpiLoaders(context: Context) {
  let loaders = loadersOfRequest.get(context);
  if (!loaders) {
    loaders = createKpiLoaders(context);
    loadersOfRequest.set(context, loaders);
  }
  return loaders;
}

/** One figure of a family, batched with the request's other figures of that family and query. */
export function figure<Value = never>(context: Context, family: FamilyName, query: KpiQuery, part: string): Promise<Value> {
  return kpiLoaders(context).figures.load({ family, query, part }) as Promise<Value>;
}

/** One figure of My board: all of the board's figures are answered by one statement. */
export function boardFigure<Value = never>(context: Context, family: FamilyName, query: KpiQuery, part: string): Promise<Value> {
  return kpiLoaders(context).boardFigures.load({ family, query, part }) as Promise<Value>;
}
