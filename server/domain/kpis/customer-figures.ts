import { Prisma } from '../../generated/prisma/client.ts';
import type { Cte, Family } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { and, anyOf, customerReadable, inPeriodTs, salesReadable, sql, type Sql } from './sql.ts';

/**
 * contacts.* (kpis.md): accounts and contacts the viewer may read, of the scope's owners and
 * teams; with a pipeline filter, those with an opportunity in one of the pipelines. Activities and
 * opportunities count only where the viewer may read them.
 */
function customerRows(q: KpiQuery, table: 'Account' | 'Contact', name: string, link: 'accountId' | 'contactId'): Cte {
  const { scope, viewer } = q;
  const inPipelines = scope.pipelineIds.length
    ? sql`EXISTS (SELECT 1 FROM "Opportunity" sp WHERE sp.${Prisma.raw(`"${link}"`)} = r."id" AND sp."pipelineId" = ANY(${scope.pipelineIds}::uuid[])
                  AND ${salesReadable(viewer, sql`sp."teamId"`)})`
    : sql`TRUE`;
  return {
    name,
    body: sql`
      SELECT r."id", ${table === 'Account' ? sql`r."name", r."customerSince" AS customer_since` : sql`r."lastName" || ' ' || r."firstName" AS name, NULL::timestamptz AS customer_since`}
      FROM ${Prisma.raw(`"${table}"`)} r
      WHERE ${and(customerReadable(viewer, sql`r."teamId"`), anyOf(scope.ownerIds, sql`r."ownerId"`), anyOf(scope.teamIds, sql`r."teamId"`), inPipelines)}`,
  };
}

/** An activity created or done in the period, about the record, that the viewer may read. */
const activeIn = (q: KpiQuery, alias: string, link: 'accountId' | 'contactId') => sql`EXISTS (
  SELECT 1 FROM "Activity" act
  WHERE act.${Prisma.raw(`"${link}"`)} = ${Prisma.raw(alias)}."id" AND ${salesReadable(q.viewer, sql`act."teamId"`)}
    AND (${inPeriodTs(sql`act."createdAt"`)} OR ${inPeriodTs(sql`act."doneAt"`)}))`;

/** Readable opportunities of the account (in the scope's pipelines) matching `condition`. */
const opportunitiesOf = (q: KpiQuery, condition: Sql) => sql`EXISTS (
  SELECT 1 FROM "Opportunity" lo
  WHERE lo."accountId" = ac."id" AND ${salesReadable(q.viewer, sql`lo."teamId"`)} AND ${anyOf(q.scope.pipelineIds, sql`lo."pipelineId"`)} AND ${condition})`;

export const CUSTOMER_SETS = {
  /** contacts.active: accounts (`ac`) and contacts (`co`) with an activity in the period. */
  ACTIVE: { account: (q: KpiQuery) => activeIn(q, 'ac', 'accountId'), contact: (q: KpiQuery) => activeIn(q, 'co', 'contactId') },
  ALL: { account: () => sql`TRUE`, contact: () => sql`TRUE` },
  /** contacts.won: accounts that became CUSTOMER in the period. */
  WON: { account: () => inPeriodTs(sql`ac.customer_since`), contact: null },
  /** contacts.lost: every opportunity closed in the period LOST, none open. */
  LOST: {
    account: (q: KpiQuery) =>
      and(
        opportunitiesOf(q, inPeriodTs(sql`lo."closedAt"`)),
        sql`NOT ${opportunitiesOf(q, sql`lo."status" = 'WON' AND ${inPeriodTs(sql`lo."closedAt"`)}`)}`,
        sql`NOT ${opportunitiesOf(q, sql`lo."status" = 'OPEN'`)}`,
      ),
    contact: null,
  },
} satisfies Record<string, { account: (q: KpiQuery) => Sql; contact: ((q: KpiQuery) => Sql) | null }>;
export type CustomerSet = keyof typeof CUSTOMER_SETS;

export const customerRowsCtes = (q: KpiQuery) => [customerRows(q, 'Account', 'ac', 'accountId'), customerRows(q, 'Contact', 'co', 'contactId')];

const counts = (name: CustomerSet) => ({
  columns: (q: KpiQuery) => {
    const sets = CUSTOMER_SETS[name];
    return {
      accounts: sql`(SELECT count(*)::int FROM ac WHERE ${sets.account(q)})`,
      ...(sets.contact ? { contacts: sql`(SELECT count(*)::int FROM co WHERE ${sets.contact(q)})` } : {}),
    };
  },
  read: (values: Record<string, any>) =>
    values.contacts === undefined
      ? Number(values.accounts)
      : { accounts: Number(values.accounts), contacts: Number(values.contacts), total: Number(values.accounts) + Number(values.contacts) },
});

export const customerFamily: Family = {
  name: 'customers',
  ctes: customerRowsCtes,
  from: sql`p`,
  parts: { contactsActive: counts('ACTIVE'), contactsAll: counts('ALL'), contactsWon: counts('WON'), contactsLost: counts('LOST') },
};
