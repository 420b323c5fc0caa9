import { Prisma } from '../../generated/prisma/client.ts';
import type { Cte } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { and, anyOf, salesReadable, sql, type Sql } from './sql.ts';

/**
 * Quotes, orders, invoices and activities as the figures count them: readable by the viewer, the
 * scope's owners (a document's own owner; an activity's assignee) and teams, and for a pipeline
 * filter those about an opportunity of one of the pipelines (records about no opportunity then
 * drop out).
 */
function scoped(q: KpiQuery, table: string, alias: string, columns: Sql, ownerColumn = 'ownerId'): Sql {
  const { scope, viewer } = q;
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const pipelineJoin = scope.pipelineIds.length
    ? sql`JOIN "Opportunity" scope_op ON scope_op."id" = ${column('opportunityId')} AND scope_op."pipelineId" = ANY(${scope.pipelineIds}::uuid[])`
    : Prisma.empty;
  return sql`
    SELECT ${columns} FROM ${Prisma.raw(`"${table}" ${alias}`)} ${pipelineJoin}
    WHERE ${and(salesReadable(viewer, column('teamId')), anyOf(scope.ownerIds, column(ownerColumn)), anyOf(scope.teamIds, column('teamId')))}`;
}

/** Invoices as `i`: id, status, issue_date, due_date, paid_date, net, gross, account_id. */
export const invoiceRowsCte = (q: KpiQuery): Cte => ({
  name: 'i',
  body: scoped(
    q,
    'Invoice',
    'inv',
    sql`inv."id", inv."status", inv."issueDate" AS issue_date, inv."dueDate" AS due_date, inv."paidDate" AS paid_date,
        inv."netAmount" AS net, inv."grossAmount" AS gross, inv."accountId" AS account_id, inv."opportunityId" AS opportunity_id`,
  ),
});

/** Quotes as `qu`: id, status, created_at, sent_at, decided_at, net, opportunity_id. */
export const quoteRowsCte = (q: KpiQuery): Cte => ({
  name: 'qu',
  body: scoped(
    q,
    'Quote',
    'quo',
    sql`quo."id", quo."status", quo."createdAt" AS created_at, quo."sentAt" AS sent_at, quo."decidedAt" AS decided_at,
        quo."netAmount" AS net, quo."opportunityId" AS opportunity_id`,
  ),
});

/** Orders as `od`: id, status, order_date, delivery_date, net. */
export const orderRowsCte = (q: KpiQuery): Cte => ({
  name: 'od',
  body: scoped(q, 'Order', 'ord', sql`ord."id", ord."status", ord."orderDate" AS order_date, ord."deliveryDate" AS delivery_date, ord."netAmount" AS net`),
});

/** Activities as `a`: id, type, created_at, done_at, due_at, account_id, contact_id. */
export const activityRowsCte = (q: KpiQuery): Cte => ({
  name: 'a',
  body: scoped(
    q,
    'Activity',
    'act',
    sql`act."id", act."type", act."createdAt" AS created_at, act."doneAt" AS done_at, act."dueAt" AS due_at,
        act."accountId" AS account_id, act."contactId" AS contact_id`,
    'assigneeId',
  ),
});
