import type { Cte } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { and, anyOf, salesReadable, sql } from './sql.ts';

/**
 * Target revenue (SOLL) per month, as the CTE `targets` (month, amount): the budgets of the
 * scope's owners when it names owners (member budgets), else the team budgets of the readable
 * teams in scope. Member budgets lie within their team's, so the two are never added up.
 * Budgets belong to teams and people, not pipelines: a pipeline filter leaves targets as they are.
 */
export function targetsCte(q: KpiQuery): Cte {
  const owners = q.scope.ownerIds;
  return {
    name: 'targets',
    body: sql`
      SELECT make_date(b."year", bm."month", 1) AS month, sum(bm."amount") AS amount
      FROM "Budget" b JOIN "BudgetMonth" bm ON bm."budgetId" = b."id"
      WHERE ${and(
        salesReadable(q.viewer, sql`b."teamId"`),
        anyOf(q.scope.teamIds, sql`b."teamId"`),
        owners.length ? sql`b."userId" = ANY(${owners}::uuid[])` : sql`b."userId" IS NULL`,
      )}
      GROUP BY 1`,
  };
}

/** The target of the month `monthColumn` (a DATE of the month's first day). */
export const targetOf = (monthColumn: ReturnType<typeof sql>) =>
  sql`COALESCE((SELECT t.amount FROM targets t WHERE t.month = ${monthColumn}), 0)`;
