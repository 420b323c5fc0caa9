import type { Opportunity, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { insertRows } from '../db/bulk-insert.ts';
import { isoDay } from './calendar.ts';

/**
 * Every change of these fields is stored (who, when, old, new) in the transaction of the change,
 * so an opportunity can be reconstructed as of any past moment (forecasts "as of" a date).
 */
export const TRACKED_FIELDS = [
  'title',
  'kind',
  'status',
  'accountId',
  'contactId',
  'ownerId',
  'teamId',
  'pipelineId',
  'stageId',
  'amount',
  'probability',
  'weightedAmount',
  'expectedCloseDate',
  'revenueStartDate',
  'deliveryDate',
  'dealStartDate',
  'priorityKey',
  'sourceId',
  'competitor',
  'nextStep',
  'forecastCategoryKey',
  'description',
  'winLossReport',
  'lossReasonId',
  'closedAt',
  'campaignId',
] as const satisfies readonly (keyof Opportunity)[];

export type TrackedField = (typeof TRACKED_FIELDS)[number];
export type TrackedState = Pick<Opportunity, TrackedField>;
/** JSON form of a tracked value: decimals as strings, dates as YYYY-MM-DD, timestamps as ISO. */
export type HistoryValue = string | number | null;

const DAY_FIELDS = new Set<TrackedField>(['expectedCloseDate', 'revenueStartDate', 'deliveryDate', 'dealStartDate']);
const DECIMAL_FIELDS = new Set<TrackedField>(['amount', 'weightedAmount']);

/** Marks creation; `newValue` holds the initial tracked state. */
export const CREATED = 'CREATED';

export function toHistoryValue(field: TrackedField, value: unknown): HistoryValue {
  if (value === null || value === undefined) return null;
  if (DAY_FIELDS.has(field)) return isoDay(value as Date);
  if (value instanceof Date) return value.toISOString();
  if (DECIMAL_FIELDS.has(field)) return String(value);
  return value as string | number;
}

function fromHistoryValue(field: TrackedField, value: HistoryValue): unknown {
  if (value === null) return null;
  if (DAY_FIELDS.has(field)) return new Date(`${value}T00:00:00.000Z`);
  if (field === 'closedAt') return new Date(value as string);
  return value;
}

export interface FieldChange {
  field: TrackedField;
  oldValue: HistoryValue;
  newValue: HistoryValue;
}

export function diffTracked(before: TrackedState, after: TrackedState): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TRACKED_FIELDS) {
    const oldValue = toHistoryValue(field, before[field]);
    const newValue = toHistoryValue(field, after[field]);
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  }
  return changes;
}

export function snapshotTracked(state: TrackedState): Record<TrackedField, HistoryValue> {
  return Object.fromEntries(TRACKED_FIELDS.map((field) => [field, toHistoryValue(field, state[field])])) as Record<
    TrackedField,
    HistoryValue
  >;
}

/** Marks the creation of new opportunities (one statement however many). */
export async function recordCreations(tx: Prisma.TransactionClient, opportunities: Opportunity[], actorId: string, at: Date) {
  await insertRows(
    tx,
    'OpportunityChange',
    { opportunityId: 'uuid', actorId: 'uuid', changedAt: 'timestamptz', field: 'text', newValue: 'jsonb' },
    opportunities.map((opportunity) => ({
      opportunityId: opportunity.id,
      actorId,
      changedAt: at,
      field: CREATED,
      newValue: snapshotTracked(opportunity),
    })),
  );
}

export async function recordChanges(
  tx: Prisma.TransactionClient,
  opportunityId: string,
  actorId: string,
  changes: FieldChange[],
  at: Date,
) {
  if (changes.length === 0) return;
  await tx.opportunityChange.createMany({
    data: changes.map((change) => ({
      opportunityId,
      actorId,
      changedAt: at,
      field: change.field,
      oldValue: change.oldValue ?? undefined,
      newValue: change.newValue ?? undefined,
    })),
  });
}

type ChangeRow = { opportunityId: string; changedAt: Date; field: string; oldValue: unknown; newValue: unknown };

/**
 * Rolls current states back to `at` by undoing, newest first, every change made after it.
 * Opportunities created after `at` did not exist then and are left out.
 */
export function rollBack<State extends TrackedState & { id: string; createdAt: Date }>(
  current: State[],
  laterChanges: ChangeRow[],
  at: Date,
): State[] {
  const byOpportunity = new Map<string, ChangeRow[]>();
  for (const change of laterChanges) {
    const list = byOpportunity.get(change.opportunityId) ?? [];
    list.push(change);
    byOpportunity.set(change.opportunityId, list);
  }
  const result: State[] = [];
  for (const state of current) {
    if (state.createdAt > at) continue;
    const changes = (byOpportunity.get(state.id) ?? []).sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime());
    const past = { ...state };
    for (const change of changes) {
      if (!(TRACKED_FIELDS as readonly string[]).includes(change.field)) continue;
      const field = change.field as TrackedField;
      (past as Record<string, unknown>)[field] = fromHistoryValue(field, (change.oldValue ?? null) as HistoryValue);
    }
    result.push(past);
  }
  return result;
}

/**
 * The tracked fields of the matching opportunities as they were at `at`: two statements whatever
 * the number of opportunities. `where` selects among today's opportunities (e.g. a pipeline or the
 * viewer's readable records); deleted opportunities are gone with their history.
 */
export async function opportunitiesAsOf(
  prisma: PrismaClient | Prisma.TransactionClient,
  where: Prisma.OpportunityWhereInput,
  at: Date,
) {
  const current = await prisma.opportunity.findMany({ where: { AND: [where, { createdAt: { lte: at } }] }, orderBy: { id: 'asc' } });
  if (current.length === 0) return [];
  const laterChanges = await prisma.opportunityChange.findMany({
    where: { changedAt: { gt: at }, opportunityId: { in: current.map((opportunity) => opportunity.id) } },
    select: { opportunityId: true, changedAt: true, field: true, oldValue: true, newValue: true },
  });
  return rollBack(current, laterChanges, at);
}

export async function opportunityAsOf(prisma: PrismaClient | Prisma.TransactionClient, id: string, at: Date) {
  const [state] = await opportunitiesAsOf(prisma, { id }, at);
  return state ?? null;
}
