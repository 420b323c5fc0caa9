import type { PrismaClient } from '../../generated/prisma/client.ts';
import { roundMoney, ZERO, type Money } from '../money.ts';

/**
 * Actual revenue (IST) for budgets: net amounts of the invoices that are not cancelled, by month
 * of their issue date (kpis.md, "Revenue"), of the budget's team, or of its user within the team.
 * Twelve months per budget, for any number of budgets in one statement.
 */
export async function actualRevenueByMonth(prisma: PrismaClient, budgetIds: readonly string[]): Promise<Map<string, Money[]>> {
  const result = new Map<string, Money[]>(budgetIds.map((id) => [id, Array<Money>(12).fill(ZERO)]));
  if (budgetIds.length === 0) return result;
  const rows = await prisma.$queryRaw<Array<{ budgetId: string; month: number; actual: string }>>`
    SELECT b."id" AS "budgetId", extract(month FROM i."issueDate")::int AS "month", sum(i."netAmount")::text AS "actual"
    FROM "Budget" b
    JOIN "Invoice" i ON i."teamId" = b."teamId" AND (b."userId" IS NULL OR i."ownerId" = b."userId")
      AND i."status" <> 'CANCELLED'
      AND i."issueDate" >= make_date(b."year", 1, 1) AND i."issueDate" < make_date(b."year" + 1, 1, 1)
    WHERE b."id" = ANY(${[...budgetIds]}::uuid[])
    GROUP BY b."id", 2`;
  for (const row of rows) result.get(row.budgetId)![row.month - 1] = roundMoney(row.actual);
  return result;
}
