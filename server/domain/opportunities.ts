import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Account, Opportunity, OpportunityKind, Pipeline, Prisma, PrismaClient, Stage } from '../generated/prisma/client.ts';
import {
  assertCanCreateSalesRecords,
  assertCanWriteSalesRecord,
  canReadCustomerRecord,
  canReadSalesRecord,
  type OwnedRecord,
} from './access.ts';
import { insertRows, type ColumnType } from '../db/bulk-insert.ts';
import { Batch, readInOrder, single, type BatchResult } from './batch.ts';
import { addDays, organisationDay } from './calendar.ts';
import { ConflictError, DomainError, NotFoundError, OpportunityClosedError, ValidationError, type FieldError } from './errors.ts';
import { findMissingLookups } from './lookups.ts';
import { Decimal, lineTotal, sumMoney, weightedAmount } from './money.ts';
import { syncOpportunityActivities } from './activity-tracking.ts';
import { syncOpportunityDocuments } from './billing/opportunity-sync.ts';
import { committed, emit, type OpportunityChangedEvent } from './events.ts';
import { notifyOpportunityChange, notifyOpportunityChanges } from './notifications.ts';
import { openActivitiesChoice, settleOpenActivities, type OpenActivitiesChoice } from './open-activities-on-close.ts';
import { diffTracked, recordChanges, recordCreations, type FieldChange, type TrackedState } from './opportunity-history.ts';
import { resolveOwnership, resolveOwnerships } from './ownership.ts';
import { entityId, idList, omittable, optionalText, parseEach, parseInput, requiredText } from './validation.ts';

type Tx = Prisma.TransactionClient;

/** New opportunities are expected to close six weeks from today unless told otherwise. */
export const DEFAULT_CLOSE_AFTER_DAYS = 42;

const MAX_AMOUNT = '999999999999.99';
const decimalText = (message: string) => z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, message);
const amount = decimalText(`Enter an amount of at most ${MAX_AMOUNT} with up to two decimals.`);
const probability = z.number().int('Enter a whole percentage.').min(0, 'At least 0.').max(100, 'At most 100.');
const day = z.date({ error: 'Enter a date.' });
const optionalDay = day.nullable().optional();

const businessFields = {
  title: requiredText(200),
  contactId: entityId.nullable().optional(),
  ownerId: omittable(entityId),
  teamId: omittable(entityId),
  pipelineId: omittable(entityId),
  stageId: omittable(entityId),
  amount: omittable(amount),
  probability: omittable(probability),
  expectedCloseDate: omittable(day),
  revenueStartDate: optionalDay,
  deliveryDate: optionalDay,
  dealStartDate: optionalDay,
  priorityKey: z.string().max(40).nullable().optional(),
  sourceId: entityId.nullable().optional(),
  competitor: optionalText(200),
  nextStep: optionalText(500),
  forecastCategoryKey: omittable(z.string().max(40)),
  description: optionalText(20_000),
  tagIds: omittable(idList(20)),
  campaignId: entityId.nullable().optional(),
};

const createOpportunityInput = z.object({
  ...businessFields,
  accountId: entityId,
  /** A new opportunity is a LEAD unless a DEAL is asked for (domain.md); the pipeline must be of that kind. */
  kind: omittable(z.enum(['LEAD', 'DEAL'])),
});
const updateOpportunityInput = z.object({
  ...businessFields,
  title: omittable(businessFields.title),
  accountId: omittable(entityId),
  winLossReport: optionalText(20_000),
  /** The version the caller last saw; a stale one is refused with a conflict. */
  expectedVersion: omittable(z.number().int()),
});

export type CreateOpportunityInput = z.input<typeof createOpportunityInput>;
export type UpdateOpportunityInput = z.input<typeof updateOpportunityInput>;

/** Changes that decide who may read the opportunity's activities and which activity counts for it. */
const ACTIVITY_SCOPE_FIELDS = new Set(['teamId', 'accountId', 'contactId', 'status']);

/** What may still change once an opportunity is won or lost. */
const WRITABLE_WHEN_CLOSED = new Set(['winLossReport', 'expectedVersion']);

export interface Clock {
  now?: Date;
}

export async function createOpportunity(
  prisma: PrismaClient,
  viewer: Viewer,
  rawInput: CreateOpportunityInput,
  { now = new Date() }: Clock = {},
): Promise<Opportunity> {
  assertCanCreateSalesRecords(viewer);
  const input = parseInput(createOpportunityInput, rawInput);
  return committed(() => prisma.$transaction(async (tx) => single(await insertOpportunities(tx, viewer, [input], now))));
}

/**
 * `createOpportunity` for many opportunities in the caller's transaction (the CSV import): the
 * same rules, answered per input with the opportunity or the error `createOpportunity` would
 * throw, in a few statements for the whole batch. The events go to the caller's `committed`
 * scope, which passes them on only once its transaction has committed.
 */
export async function createOpportunities(
  tx: Tx,
  viewer: Viewer,
  rawInputs: CreateOpportunityInput[],
  { now = new Date() }: Clock = {},
): Promise<Array<BatchResult<Opportunity>>> {
  assertCanCreateSalesRecords(viewer);
  return insertOpportunities(tx, viewer, parseEach(createOpportunityInput, rawInputs), now);
}

type ParsedOpportunity = z.output<typeof createOpportunityInput>;

async function insertOpportunities(
  tx: Tx,
  viewer: Viewer,
  inputs: Array<ParsedOpportunity | DomainError>,
  now: Date,
): Promise<Array<BatchResult<Opportunity>>> {
  const batch = new Batch(inputs);
  let live = batch.live;
  const accountIds = [...new Set(live.map((index) => batch.input(index).accountId))];
  const accounts = new Map(
    (await tx.account.findMany({ where: { id: { in: accountIds } } }))
      .filter((account) => canReadCustomerRecord(viewer, account))
      .map((account) => [account.id, account]),
  );
  for (const index of live) {
    if (!accounts.has(batch.input(index).accountId)) batch.fail(index, ValidationError.field('accountId', 'NOT_FOUND', 'Unknown account.'));
  }
  live = batch.live;
  batch.failEach(live, await findMissingReferences(tx, viewer, live.map((index) => batch.input(index))));
  live = batch.live;
  const placements = new Map<number, Placement>();
  const requests = live.map((index) => ({ ...batch.input(index), kind: batch.input(index).kind ?? 'LEAD' }));
  (await resolvePlacements(tx, requests)).forEach((placement, position) => {
    if (placement instanceof ValidationError) batch.fail(live[position], placement);
    else placements.set(live[position], placement);
  });
  live = batch.live;
  const ownerships = new Map<number, OwnedRecord>();
  const ownershipRequests = live.map((index) => ({
    requested: batch.input(index),
    current: { ownerId: viewer.id, teamId: accounts.get(batch.input(index).accountId)!.teamId },
  }));
  (await resolveOwnerships(tx, viewer, ownershipRequests)).forEach((ownership, position) => {
    if (ownership instanceof ValidationError) batch.fail(live[position], ownership);
    else ownerships.set(live[position], ownership);
  });

  live = batch.live;
  const ids = await insertRows(
    tx,
    'Opportunity',
    OPPORTUNITY_COLUMNS,
    live.map((index) => newOpportunity(batch.input(index), accounts, placements.get(index)!, ownerships.get(index)!, now)),
  );
  const tagRows = ids.flatMap((opportunityId, position) => (batch.input(live[position]).tagIds ?? []).map((tagId) => ({ opportunityId, tagId })));
  if (tagRows.length) await tx.opportunityTag.createMany({ data: tagRows });
  // Activity already logged on the account or contact counts for the new opportunity.
  await syncOpportunityActivities(tx, ids);
  const created = await readInOrder(ids, tx.opportunity.findMany({ where: { id: { in: ids } } }));
  await recordCreations(tx, created, viewer.id, now);
  const assignedToOthers = created
    .filter((opportunity) => opportunity.ownerId !== viewer.id)
    .map((opportunity) => ({ opportunity, changes: [{ field: 'ownerId' as const, oldValue: null, newValue: opportunity.ownerId }] }));
  await notifyOpportunityChanges(tx, assignedToOthers, viewer.id, now);
  for (const opportunity of created) emit(changedEvent('CREATED', opportunity, opportunity, viewer.id, []));
  return batch.results(new Map(live.map((index, position) => [index, created[position]])));
}

/** The columns a new opportunity is written with (the others take their defaults: status, version, number). */
const OPPORTUNITY_COLUMNS: Record<string, ColumnType> = {
  kind: '"OpportunityKind"',
  title: 'text',
  accountId: 'uuid',
  contactId: 'uuid',
  ownerId: 'uuid',
  teamId: 'uuid',
  pipelineId: 'uuid',
  stageId: 'uuid',
  amount: 'numeric',
  probability: 'int4',
  weightedAmount: 'numeric',
  expectedCloseDate: 'date',
  revenueStartDate: 'date',
  deliveryDate: 'date',
  dealStartDate: 'date',
  priorityKey: 'text',
  sourceId: 'uuid',
  competitor: 'text',
  nextStep: 'text',
  forecastCategoryKey: 'text',
  description: 'text',
  campaignId: 'uuid',
  stageEnteredAt: 'timestamptz',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
};

function newOpportunity(
  input: ParsedOpportunity,
  accounts: Map<string, Account>,
  placement: Placement,
  ownership: OwnedRecord,
  now: Date,
): Prisma.OpportunityCreateManyInput {
  const account = accounts.get(input.accountId)!;
  const amountValue = input.amount ?? '0';
  const probabilityValue = input.probability ?? placement.stageProbability;
  return {
    kind: input.kind ?? 'LEAD',
    title: input.title,
    accountId: account.id,
    contactId: input.contactId ?? null,
    ...ownership,
    pipelineId: placement.pipelineId,
    stageId: placement.stageId,
    amount: amountValue,
    probability: probabilityValue,
    weightedAmount: weightedAmount(amountValue, probabilityValue),
    expectedCloseDate: input.expectedCloseDate ?? addDays(organisationDay(now), DEFAULT_CLOSE_AFTER_DAYS),
    revenueStartDate: input.revenueStartDate ?? null,
    deliveryDate: input.deliveryDate ?? null,
    dealStartDate: input.dealStartDate ?? null,
    priorityKey: input.priorityKey ?? null,
    // The account's source unless the opportunity came from elsewhere.
    sourceId: input.sourceId !== undefined ? input.sourceId : account.sourceId,
    competitor: input.competitor ?? null,
    nextStep: input.nextStep ?? null,
    forecastCategoryKey: input.forecastCategoryKey ?? 'PIPELINE',
    description: input.description ?? null,
    campaignId: input.campaignId ?? null,
    stageEnteredAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Changes fields of an open opportunity. A new stage brings its default probability unless the
 * same call sets one explicitly; the amount is derived from the lines when there are any.
 */
export async function updateOpportunity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: UpdateOpportunityInput,
  { now: requestedNow }: Clock = {},
): Promise<Opportunity> {
  const input = parseInput(updateOpportunityInput, rawInput);
  return committed(() => prisma.$transaction((tx) => applyUpdate(tx, viewer, id, rawInput, input, requestedNow)));
}

/**
 * `updateOpportunity` in the caller's transaction (the CSV import merges a row into an existing
 * opportunity); its events go to the caller's `committed` scope.
 */
export function updateOpportunityInTransaction(
  tx: Tx,
  viewer: Viewer,
  id: string,
  rawInput: UpdateOpportunityInput,
  { now }: Clock = {},
): Promise<Opportunity> {
  return applyUpdate(tx, viewer, id, rawInput, parseInput(updateOpportunityInput, rawInput), now);
}

async function applyUpdate(
  tx: Tx,
  viewer: Viewer,
  id: string,
  rawInput: UpdateOpportunityInput,
  input: z.output<typeof updateOpportunityInput>,
  requestedNow: Date | undefined,
): Promise<Opportunity> {
  const current = await loadWritable(tx, viewer, id, input.expectedVersion);
  const now = requestedNow ?? changeTime(current);
  if (current.status !== 'OPEN') {
    const frozen = Object.keys(rawInput).filter(
      (field) => !WRITABLE_WHEN_CLOSED.has(field) && (rawInput as Record<string, unknown>)[field] !== undefined,
    );
    if (frozen.length) throw new OpportunityClosedError(current.status, frozen);
  }
  const next: Partial<TrackedState> & { stageEnteredAt?: Date } = {};
  const errors: FieldError[] = [];

  if (input.accountId && input.accountId !== current.accountId) {
    const account = await tx.account.findUnique({ where: { id: input.accountId } });
    if (!account || !canReadCustomerRecord(viewer, account)) errors.push(fieldError('accountId', 'NOT_FOUND', 'Unknown account.'));
    else next.accountId = account.id;
  }
  if (errors.length) throw new ValidationError(errors);
  await assertReferencesExist(tx, viewer, { ...input, accountId: next.accountId ?? current.accountId });

  if (input.pipelineId || input.stageId) {
    const placement = await resolvePlacement(tx, current.kind, input.pipelineId ?? current.pipelineId, input.stageId, current);
    if (placement.stageId !== current.stageId) {
      next.pipelineId = placement.pipelineId;
      next.stageId = placement.stageId;
      next.probability = placement.stageProbability;
      next.stageEnteredAt = now;
    }
  }
  if (input.probability !== undefined) next.probability = input.probability;

  if (input.amount !== undefined) {
    const lineCount = await tx.opportunityLine.count({ where: { opportunityId: id } });
    if (lineCount > 0) {
      throw ValidationError.field('amount', 'DERIVED_FROM_LINES', 'The amount is the sum of the lines: change the lines instead.');
    }
    next.amount = new Decimal(input.amount);
  }
  if (input.ownerId !== undefined || input.teamId !== undefined) {
    Object.assign(next, await resolveOwnership(tx, viewer, input, current));
  }
  for (const field of [
    'title',
    'contactId',
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
    'campaignId',
  ] as const) {
    if (input[field] !== undefined) (next as Record<string, unknown>)[field] = input[field];
  }
  if (input.tagIds) {
    await tx.opportunityTag.deleteMany({ where: { opportunityId: id } });
    if (input.tagIds.length) await tx.opportunityTag.createMany({ data: input.tagIds.map((tagId) => ({ opportunityId: id, tagId })) });
  }
  return applyChange(tx, viewer, current, next, now);
}

/** Moves an open opportunity to another stage of its pipeline (the board's drag and drop). */
export function moveOpportunity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  stageId: string,
  options: Clock & { expectedVersion?: number | null } = {},
) {
  return updateOpportunity(prisma, viewer, id, { stageId, expectedVersion: options.expectedVersion }, options);
}

/** A LEAD becomes a DEAL and moves into a deal pipeline (the first one unless chosen). */
export async function convertToDeal(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: { pipelineId?: string | null; stageId?: string | null; expectedVersion?: number | null },
  { now: requestedNow }: Clock = {},
): Promise<Opportunity> {
  const input = parseInput(
    z.object({ pipelineId: omittable(entityId), stageId: omittable(entityId), expectedVersion: omittable(z.number().int()) }),
    rawInput,
  );
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritable(tx, viewer, id, input.expectedVersion);
    const now = requestedNow ?? changeTime(current);
    if (current.status !== 'OPEN') throw new OpportunityClosedError(current.status, ['kind']);
    if (current.kind === 'DEAL') throw ValidationError.field('kind', 'ALREADY_DEAL', 'This opportunity is already a deal.');
    const placement = await resolvePlacement(tx, 'DEAL', input.pipelineId, input.stageId);
    return applyChange(
      tx,
      viewer,
      current,
      {
        kind: 'DEAL',
        pipelineId: placement.pipelineId,
        stageId: placement.stageId,
        probability: placement.stageProbability,
        stageEnteredAt: now,
      },
      now,
    );
  }));
}

/** How a won or lost opportunity leaves its open activities: see open-activities-on-close.ts. */
interface OpenActivitiesOnClose {
  openActivities?: OpenActivitiesChoice | null;
}

/** WON: probability 100, closed now, and the account becomes a customer. */
export async function winOpportunity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: { winLossReport?: string | null; expectedVersion?: number | null } & OpenActivitiesOnClose = {},
  { now: requestedNow }: Clock = {},
): Promise<Opportunity> {
  const input = parseInput(
    z.object({ winLossReport: optionalText(20_000), expectedVersion: omittable(z.number().int()), openActivities: openActivitiesChoice }),
    rawInput,
  );
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritable(tx, viewer, id, input.expectedVersion);
    const now = requestedNow ?? changeTime(current);
    if (current.status !== 'OPEN') throw new OpportunityClosedError(current.status, ['status']);
    await settleOpenActivities(tx, viewer.id, current, input.openActivities, now);
    await tx.account.update({ where: { id: current.accountId }, data: { statusKey: 'CUSTOMER' } });
    return applyChange(
      tx,
      viewer,
      current,
      { status: 'WON', probability: 100, closedAt: now, forecastCategoryKey: 'COMMIT', winLossReport: input.winLossReport ?? current.winLossReport },
      now,
    );
  }));
}

/** LOST: a loss reason is mandatory; probability 0, closed now. */
export async function loseOpportunity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: { lossReasonId?: string | null; winLossReport?: string | null; expectedVersion?: number | null } & OpenActivitiesOnClose,
  { now: requestedNow }: Clock = {},
): Promise<Opportunity> {
  const input = parseInput(
    z.object({
      lossReasonId: z.uuid({ error: (issue) => (issue.input == null ? 'Choose why the opportunity was lost.' : 'This is not a valid id.') }),
      winLossReport: optionalText(20_000),
      expectedVersion: omittable(z.number().int()),
      openActivities: openActivitiesChoice,
    }),
    rawInput,
  );
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritable(tx, viewer, id, input.expectedVersion);
    const now = requestedNow ?? changeTime(current);
    if (current.status !== 'OPEN') throw new OpportunityClosedError(current.status, ['status']);
    const reason = await tx.lossReason.findUnique({ where: { id: input.lossReasonId } });
    if (!reason || !reason.active) throw ValidationError.field('lossReasonId', 'NOT_FOUND', 'Choose one of the loss reasons.');
    await settleOpenActivities(tx, viewer.id, current, input.openActivities, now);
    return applyChange(
      tx,
      viewer,
      current,
      {
        status: 'LOST',
        probability: 0,
        closedAt: now,
        lossReasonId: reason.id,
        forecastCategoryKey: 'OMITTED',
        winLossReport: input.winLossReport ?? current.winLossReport,
      },
      now,
    );
  }));
}

/**
 * Takes a lost or won opportunity back into work at its stage's default probability (the undo of a
 * close). A won one stays won while an order or invoice that is not cancelled rests on it: that
 * business happened. Its account stays a customer; the history records the reopening.
 */
export async function reopenOpportunity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  { now: requestedNow, expectedVersion }: Clock & { expectedVersion?: number | null } = {},
): Promise<Opportunity> {
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritable(tx, viewer, id, expectedVersion);
    const now = requestedNow ?? changeTime(current);
    if (current.status === 'OPEN') throw ValidationError.field('status', 'NOT_CLOSED', 'This opportunity is open already.');
    if (current.status === 'WON') await assertNothingBilled(tx, current.id);
    const stage = await tx.stage.findUniqueOrThrow({ where: { id: current.stageId } });
    return applyChange(
      tx,
      viewer,
      current,
      { status: 'OPEN', probability: stage.probability, closedAt: null, lossReasonId: null, forecastCategoryKey: 'PIPELINE' },
      now,
    );
  }));
}

/**
 * Counted after loadWritable locked the opportunity's row FOR UPDATE: an order or invoice being
 * created for it holds a key-share lock on that row through its foreign key, so it either committed
 * before (and is counted here) or waits until the reopening committed. Counted whoever may read them.
 */
async function assertNothingBilled(tx: Tx, opportunityId: string) {
  const [orders, invoices] = await Promise.all([
    tx.order.count({ where: { opportunityId, status: { not: 'CANCELLED' } } }),
    tx.invoice.count({ where: { opportunityId, status: { not: 'CANCELLED' } } }),
  ]);
  if (orders + invoices > 0) {
    throw ValidationError.field('status', 'HAS_ORDERS', 'This opportunity has an order or invoice that is not cancelled; cancel it before reopening.');
  }
}

const lineInput = z.object({
  productId: entityId.nullable().optional(),
  description: optionalText(200),
  quantity: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Enter a quantity with up to three decimals.')
    .refine((value) => Number(value) > 0, 'The quantity must be more than 0.'),
  unitPrice: omittable(decimalText('Enter a price with up to two decimals.')),
  discountPercent: omittable(
    z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Enter a discount like 12.5.')
      .refine((value) => Number(value) <= 100, 'At most 100 %.'),
  ),
});

export type OpportunityLineInput = z.input<typeof lineInput>;

/** Replaces the lines; with lines the amount is their sum (and the weighted amount follows). */
export async function setOpportunityLines(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawLines: OpportunityLineInput[],
  { now: requestedNow, expectedVersion }: Clock & { expectedVersion?: number | null } = {},
): Promise<Opportunity> {
  const { lines } = parseInput(z.object({ lines: z.array(lineInput).max(200, 'At most 200 lines.') }), { lines: rawLines });
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritable(tx, viewer, id, expectedVersion);
    const now = requestedNow ?? changeTime(current);
    if (current.status !== 'OPEN') throw new OpportunityClosedError(current.status, ['lines']);
    const productIds = [...new Set(lines.flatMap((line) => (line.productId ? [line.productId] : [])))];
    const products = new Map(
      (await tx.product.findMany({ where: { id: { in: productIds } } })).map((product) => [product.id, product]),
    );
    const errors: FieldError[] = [];
    const rows = lines.map((line, index) => {
      const product = line.productId ? products.get(line.productId) : undefined;
      if (line.productId && (!product || !product.active)) {
        errors.push(fieldError(`lines.${index}.productId`, 'NOT_FOUND', 'Choose an active product.'));
      }
      if (!line.productId && !line.description) {
        errors.push(fieldError(`lines.${index}.description`, 'REQUIRED', 'Describe a line without product.'));
      }
      if (!line.productId && line.unitPrice === undefined) {
        errors.push(fieldError(`lines.${index}.unitPrice`, 'REQUIRED', 'Enter a price for a line without product.'));
      }
      return {
        opportunityId: id,
        productId: line.productId ?? null,
        position: index,
        description: line.description ?? product?.name ?? null,
        quantity: line.quantity,
        unitPrice: line.unitPrice ?? product?.unitPrice.toString() ?? '0',
        discountPercent: line.discountPercent ?? '0',
      };
    });
    if (errors.length) throw new ValidationError(errors);
    await tx.opportunityLine.deleteMany({ where: { opportunityId: id } });
    if (rows.length) await tx.opportunityLine.createMany({ data: rows });
    const next = rows.length ? { amount: sumMoney(rows.map(lineTotal)) } : {};
    // Version and history change even when only the lines did, so watchers see the edit.
    return applyChange(tx, viewer, current, next, now, { force: true });
  }));
}

export async function deleteOpportunity(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string }> {
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritable(tx, viewer, id);
    await tx.opportunity.delete({ where: { id } });
    emit(changedEvent('DELETED', current, current, viewer.id, []));
    return { id };
  }));
}

/**
 * The moment of a change, taken once the row is locked and after the previous change, so the
 * history's order is the order in which the changes were made, even within one millisecond.
 */
function changeTime(current: Pick<Opportunity, 'updatedAt'>): Date {
  return new Date(Math.max(Date.now(), current.updatedAt.getTime() + 1));
}

async function loadWritable(tx: Tx, viewer: Viewer, id: string, expectedVersion?: number | null): Promise<Opportunity> {
  // FOR UPDATE: concurrent changes of one opportunity queue up instead of overwriting each other.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Opportunity" WHERE id = ${id}::uuid FOR UPDATE`;
  const opportunity = locked.length ? await tx.opportunity.findUnique({ where: { id } }) : null;
  if (!opportunity || !canReadSalesRecord(viewer, opportunity)) throw new NotFoundError('Opportunity');
  assertCanWriteSalesRecord(viewer, opportunity);
  if (expectedVersion != null && expectedVersion !== opportunity.version) {
    throw new ConflictError('opportunity', opportunity.id, opportunity.version);
  }
  return opportunity;
}

/**
 * Writes the changed fields with the derived weighted amount, bumps the version and records
 * the history of every tracked field that changed, all in the caller's transaction.
 */
async function applyChange(
  tx: Tx,
  viewer: Viewer,
  current: Opportunity,
  next: Partial<TrackedState> & { stageEnteredAt?: Date },
  now: Date,
  { force = false } = {},
): Promise<Opportunity> {
  const merged = { ...current, ...next };
  merged.weightedAmount = weightedAmount(merged.amount, merged.probability);
  const changes = diffTracked(current, merged);
  if (changes.length === 0 && !force) return current;
  const updated = await tx.opportunity.update({
    where: { id: current.id },
    data: { ...next, weightedAmount: merged.weightedAmount, version: current.version + 1, updatedAt: now },
  });
  await recordChanges(tx, current.id, viewer.id, changes, now);
  await notifyOpportunityChange(tx, updated, viewer.id, changes, now);
  emit(changedEvent('UPDATED', current, updated, viewer.id, changes));
  if (changes.some((change) => ACTIVITY_SCOPE_FIELDS.has(change.field))) {
    await syncOpportunityActivities(tx, current.id);
    await syncOpportunityDocuments(tx, current.id);
    return tx.opportunity.findUniqueOrThrow({ where: { id: current.id } });
  }
  return updated;
}

interface Placement {
  pipelineId: string;
  stageId: string;
  stageProbability: number;
}

interface PlacementRequest {
  kind: OpportunityKind;
  pipelineId?: string;
  stageId?: string;
  current?: Pick<Opportunity, 'pipelineId' | 'stageId'>;
}

/** The pipeline (of the right kind) and stage an opportunity goes to, with the stage's default probability. */
async function resolvePlacement(
  tx: Tx,
  kind: OpportunityKind,
  pipelineId: string | undefined,
  stageId: string | undefined,
  current?: Pick<Opportunity, 'pipelineId' | 'stageId'>,
): Promise<Placement> {
  const [placement] = await resolvePlacements(tx, [{ kind, pipelineId, stageId, current }]);
  if (placement instanceof ValidationError) throw placement;
  return placement;
}

/** Placements of many opportunities: one lookup of the named pipelines and one of each kind's first. */
async function resolvePlacements(tx: Tx, requests: PlacementRequest[]): Promise<Array<Placement | ValidationError>> {
  const withStages = { stages: { orderBy: { position: 'asc' as const } } };
  const pipelineIds = [...new Set(requests.flatMap((request) => (request.pipelineId ? [request.pipelineId] : [])))];
  const named = new Map(
    pipelineIds.length
      ? (await tx.pipeline.findMany({ where: { id: { in: pipelineIds } }, include: withStages })).map((pipeline) => [pipeline.id, pipeline])
      : [],
  );
  const firstOfKind = new Map<OpportunityKind, Pipeline & { stages: Stage[] } | null>();
  for (const kind of new Set(requests.filter((request) => !request.pipelineId).map((request) => request.kind))) {
    firstOfKind.set(kind, await tx.pipeline.findFirst({ where: { kind }, orderBy: [{ position: 'asc' }, { name: 'asc' }], include: withStages }));
  }
  return requests.map(({ kind, pipelineId, stageId, current }) => {
    const pipeline = pipelineId ? named.get(pipelineId) : firstOfKind.get(kind);
    if (!pipeline) {
      return pipelineId
        ? ValidationError.field('pipelineId', 'NOT_FOUND', 'Unknown pipeline.')
        : ValidationError.field('pipelineId', 'REQUIRED', `There is no ${kind.toLowerCase()} pipeline yet: an administrator must create one.`);
    }
    if (pipeline.kind !== kind) {
      return ValidationError.field('pipelineId', 'WRONG_KIND', `Choose a ${kind.toLowerCase()} pipeline.`);
    }
    const stayInStage = !stageId && current?.pipelineId === pipeline.id;
    const stage = stageId
      ? pipeline.stages.find((candidate) => candidate.id === stageId)
      : stayInStage
        ? pipeline.stages.find((candidate) => candidate.id === current.stageId)
        : pipeline.stages[0];
    if (!stage) {
      return stageId
        ? ValidationError.field('stageId', 'NOT_IN_PIPELINE', 'This stage does not belong to the pipeline.')
        : ValidationError.field('pipelineId', 'NO_STAGES', 'The pipeline has no stages.');
    }
    return { pipelineId: pipeline.id, stageId: stage.id, stageProbability: stage.probability };
  });
}

interface References {
  accountId: string;
  contactId?: string | null;
  sourceId?: string | null;
  tagIds?: string[];
  priorityKey?: string | null;
  forecastCategoryKey?: string;
  campaignId?: string | null;
}

async function assertReferencesExist(tx: Tx, viewer: Viewer, references: References) {
  const [error] = await findMissingReferences(tx, viewer, [references]);
  if (error) throw error;
}

/** Per input, the references that do not exist or may not be used; one statement per kind of reference. */
async function findMissingReferences(tx: Tx, viewer: Viewer, inputs: References[]): Promise<Array<ValidationError | null>> {
  const lookupErrors = await findMissingLookups(tx, inputs.map((input) => ({ sourceId: input.sourceId, tagIds: input.tagIds })));
  const checked = inputs.filter((_input, position) => !lookupErrors[position]);
  const contactIds = unique(checked.flatMap((input) => (input.contactId ? [input.contactId] : [])));
  const priorityKeys = unique(checked.flatMap((input) => (input.priorityKey ? [input.priorityKey] : [])));
  const categoryKeys = unique(checked.flatMap((input) => (input.forecastCategoryKey ? [input.forecastCategoryKey] : [])));
  const campaignIds = unique(checked.flatMap((input) => (input.campaignId ? [input.campaignId] : [])));
  const contacts = new Map(
    contactIds.length ? (await tx.contact.findMany({ where: { id: { in: contactIds } } })).map((contact) => [contact.id, contact]) : [],
  );
  const priorities = new Set(
    priorityKeys.length ? (await tx.priority.findMany({ where: { key: { in: priorityKeys } }, select: { key: true } })).map((row) => row.key) : [],
  );
  const categories = new Set(
    categoryKeys.length
      ? (await tx.forecastCategory.findMany({ where: { key: { in: categoryKeys } }, select: { key: true } })).map((row) => row.key)
      : [],
  );
  const campaigns = new Set(
    campaignIds.length ? (await tx.campaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true } })).map((row) => row.id) : [],
  );
  return inputs.map((input, position) => {
    if (lookupErrors[position]) return lookupErrors[position];
    const errors: FieldError[] = [];
    if (input.contactId) {
      const contact = contacts.get(input.contactId);
      if (!contact || !canReadCustomerRecord(viewer, contact)) errors.push(fieldError('contactId', 'NOT_FOUND', 'Unknown contact.'));
      else if (contact.accountId && contact.accountId !== input.accountId) {
        errors.push(fieldError('contactId', 'OTHER_ACCOUNT', 'This contact works at another account.'));
      }
    }
    if (input.priorityKey && !priorities.has(input.priorityKey)) errors.push(fieldError('priorityKey', 'NOT_FOUND', 'Unknown priority.'));
    if (input.forecastCategoryKey && !categories.has(input.forecastCategoryKey)) {
      errors.push(fieldError('forecastCategoryKey', 'NOT_FOUND', 'Unknown forecast category.'));
    }
    if (input.campaignId && !campaigns.has(input.campaignId)) errors.push(fieldError('campaignId', 'NOT_FOUND', 'Unknown campaign.'));
    return errors.length ? new ValidationError(errors) : null;
  });
}

const unique = (values: string[]) => [...new Set(values)];

function changedEvent(
  change: OpportunityChangedEvent['change'],
  before: Opportunity,
  after: Opportunity,
  actorId: string,
  changes: FieldChange[],
): OpportunityChangedEvent {
  return {
    type: 'OPPORTUNITY_CHANGED',
    change,
    opportunityId: after.id,
    pipelineId: after.pipelineId,
    previousPipelineId: before.pipelineId,
    stageId: after.stageId,
    previousStageId: before.stageId,
    teamId: after.teamId,
    previousTeamId: before.teamId,
    actorId,
    version: after.version,
    changes,
  };
}

function fieldError(field: string, reason: string, message: string): FieldError {
  return { field, reason, message };
}
