import type { Family, Part } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { activityRowsCte } from './document-rows.ts';
import { countWhere, inPeriodTs, sql, type Sql } from './sql.ts';

/** Activities (kpis.md); the owner filter means the assignee, whose work they are. */
export const ACTIVITY_SETS = {
  ACTIVITIES_OPEN: () => sql`a.done_at IS NULL`,
  ACTIVITIES_OVERDUE: () => sql`a.done_at IS NULL AND a.due_at < p.now_ts`,
  ACTIVITIES_COMPLETED: () => sql`${inPeriodTs(sql`a.done_at`)}`,
  ACTIVITIES_CREATED: () => sql`${inPeriodTs(sql`a.created_at`)}`,
} satisfies Record<string, () => Sql>;
export type ActivitySet = keyof typeof ACTIVITY_SETS;

export const ACTIVITY_TYPES = ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE'] as const;

const count = (name: ActivitySet): Part => ({
  columns: () => ({ count: countWhere(ACTIVITY_SETS[name]()) }),
  rows: () => ACTIVITY_SETS[name](),
  read: (values) => Number(values.count),
});

export const activityFamily: Family = {
  name: 'activities',
  ctes: (q: KpiQuery) => [activityRowsCte(q)],
  from: sql`a CROSS JOIN p`,
  parts: {
    activitiesOpen: count('ACTIVITIES_OPEN'),
    activitiesOverdue: count('ACTIVITIES_OVERDUE'),
    activitiesCompleted: count('ACTIVITIES_COMPLETED'),
    /** Activities created in the period per type, every type listed. */
    activitiesByType: {
      columns: () =>
        Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, countWhere(sql`${ACTIVITY_SETS.ACTIVITIES_CREATED()} AND a.type = ${type}::"ActivityType"`)])),
      rows: () => ACTIVITY_SETS.ACTIVITIES_CREATED(),
      read: (values) => ACTIVITY_TYPES.map((type) => ({ type, count: Number(values[type]) })),
    },
  },
};
