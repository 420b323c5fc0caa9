import type { Viewer } from '../../auth/viewer.ts';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { Decimal, roundMoney, ZERO, type Money } from '../money.ts';

/**
 * What a campaign brought, counted over the opportunities and invoices the viewer may read (so no
 * figure reveals another team's records): opportunities open/won/lost, pipeline value (amounts of
 * the open ones), won amount, revenue (net of the non-cancelled invoices of its opportunities),
 * and the return on its cost.
 */
export interface CampaignFigures {
  openCount: number;
  wonCount: number;
  lostCount: number;
  pipelineValue: Money;
  wonAmount: Money;
  revenue: Money;
}

export const EMPTY_FIGURES: CampaignFigures = { openCount: 0, wonCount: 0, lostCount: 0, pipelineValue: ZERO, wonAmount: ZERO, revenue: ZERO };

/** SQL condition on a table with "teamId" that matches the rows the viewer may read (sales records). */
function readableTeams(viewer: Viewer, alias: string): Prisma.Sql {
  const column = Prisma.raw(`${alias}."teamId"`);
  if (viewer.role === 'ADMIN') return Prisma.sql`TRUE`;
  if (viewer.role === 'SERVICE' || viewer.teamIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${column} = ANY(${viewer.teamIds}::uuid[])`;
}

/** Figures of many campaigns in two statements. */
export async function campaignFigures(prisma: PrismaClient, viewer: Viewer, campaignIds: readonly string[]): Promise<Map<string, CampaignFigures>> {
  const result = new Map<string, CampaignFigures>();
  if (campaignIds.length === 0) return result;
  const ids = [...campaignIds];
  const [opportunities, invoices] = await Promise.all([
    prisma.$queryRaw<Array<{ campaignId: string; openCount: number; wonCount: number; lostCount: number; pipelineValue: string | null; wonAmount: string | null }>>`
      SELECT o."campaignId",
             count(*) FILTER (WHERE o."status" = 'OPEN')::int AS "openCount",
             count(*) FILTER (WHERE o."status" = 'WON')::int AS "wonCount",
             count(*) FILTER (WHERE o."status" = 'LOST')::int AS "lostCount",
             sum(o."amount") FILTER (WHERE o."status" = 'OPEN')::text AS "pipelineValue",
             sum(o."amount") FILTER (WHERE o."status" = 'WON')::text AS "wonAmount"
      FROM "Opportunity" o
      WHERE o."campaignId" = ANY(${ids}::uuid[]) AND ${readableTeams(viewer, 'o')}
      GROUP BY o."campaignId"`,
    prisma.$queryRaw<Array<{ campaignId: string; revenue: string | null }>>`
      SELECT o."campaignId", sum(i."netAmount")::text AS "revenue"
      FROM "Invoice" i JOIN "Opportunity" o ON o."id" = i."opportunityId"
      WHERE o."campaignId" = ANY(${ids}::uuid[]) AND i."status" <> 'CANCELLED' AND ${readableTeams(viewer, 'i')}
      GROUP BY o."campaignId"`,
  ]);
  for (const row of opportunities) {
    result.set(row.campaignId, {
      ...EMPTY_FIGURES,
      openCount: row.openCount,
      wonCount: row.wonCount,
      lostCount: row.lostCount,
      pipelineValue: roundMoney(row.pipelineValue ?? 0),
      wonAmount: roundMoney(row.wonAmount ?? 0),
    });
  }
  for (const row of invoices) result.set(row.campaignId, { ...(result.get(row.campaignId) ?? EMPTY_FIGURES), revenue: roundMoney(row.revenue ?? 0) });
  return result;
}

/** (revenue - cost) / cost as a fraction; null when the campaign cost nothing. */
export function campaignReturn(revenue: Money, cost: Prisma.Decimal): Money | null {
  if (cost.isZero()) return null;
  return revenue.minus(cost).dividedBy(cost).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}
