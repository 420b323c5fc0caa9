import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Account, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import {
  accountReadWhere,
  assertCanCreateCustomerRecords,
  assertCanWriteCustomerRecord,
  canReadCustomerRecord,
  type OwnedRecord,
} from './access.ts';
import { syncCustomerActivities } from './activity-tracking.ts';
import { insertRows, type ColumnType } from '../db/bulk-insert.ts';
import { Batch, readInOrder, single, withinBatch, type BatchResult } from './batch.ts';
import { DomainError, DuplicateError, NotFoundError, ValidationError } from './errors.ts';
import { assertLookupsExist, findMissingLookups } from './lookups.ts';
import { normalizeCompanyName, normalizeEmail } from './normalize.ts';
import { resolveOwnership, resolveOwnerships } from './ownership.ts';
import {
  countryCode,
  entityId,
  idList,
  optionalEmail,
  optionalPhone,
  optionalText,
  optionalWebsite,
  omittable,
  parseEach,
  parseInput,
  requiredText,
} from './validation.ts';

export const addressInput = z.object({
  street: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  country: omittable(countryCode),
});

const accountFields = {
  name: requiredText(200),
  legalForm: optionalText(40),
  industry: optionalText(80),
  website: optionalWebsite,
  email: optionalEmail,
  phone: optionalPhone,
  address: omittable(addressInput),
  employees: z.number().int('Enter a whole number.').min(0, 'Cannot be negative.').max(10_000_000).nullable().optional(),
  description: optionalText(5000),
  statusKey: omittable(z.string().max(40)),
  sourceId: entityId.nullable().optional(),
  ownerId: omittable(entityId),
  teamId: omittable(entityId),
  tagIds: omittable(idList(20)),
  /** Creates or saves even when a similar account exists. */
  allowDuplicate: omittable(z.boolean()),
};

const createAccountInput = z.object(accountFields);
const updateAccountInput = z.object({ ...accountFields, name: omittable(accountFields.name) });

export type CreateAccountInput = z.input<typeof createAccountInput>;
export type UpdateAccountInput = z.input<typeof updateAccountInput>;

type Tx = Prisma.TransactionClient;

export class DuplicateAccountError extends DuplicateError<Account> {
  constructor(matchedOn: string, existing: Account[]) {
    super('account', matchedOn, existing);
  }
}

export async function createAccount(prisma: PrismaClient, viewer: Viewer, rawInput: CreateAccountInput): Promise<Account> {
  assertCanCreateCustomerRecords(viewer);
  const input = parseInput(createAccountInput, rawInput);
  return prisma.$transaction(async (tx) => single(await insertAccounts(tx, viewer, [input])));
}

/**
 * `createAccount` for many accounts in the caller's transaction (the CSV import): the same rules,
 * answered per input with the account or the error `createAccount` would throw, in a few
 * statements for the whole batch. An input that matches an earlier one of the same batch is a
 * duplicate of the account that one created.
 */
export async function createAccounts(
  tx: Tx,
  viewer: Viewer,
  rawInputs: CreateAccountInput[],
): Promise<Array<BatchResult<Account>>> {
  assertCanCreateCustomerRecords(viewer);
  return insertAccounts(tx, viewer, parseEach(createAccountInput, rawInputs));
}

type ParsedAccount = z.output<typeof createAccountInput>;

/** The columns a new account is written with (the others take their defaults). */
const ACCOUNT_COLUMNS: Record<string, ColumnType> = {
  name: 'text',
  normalizedName: 'text',
  legalForm: 'text',
  industry: 'text',
  website: 'text',
  email: 'text',
  phone: 'text',
  street: 'text',
  postalCode: 'text',
  city: 'text',
  country: 'text',
  employees: 'int4',
  description: 'text',
  statusKey: 'text',
  sourceId: 'uuid',
  ownerId: 'uuid',
  teamId: 'uuid',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
};

async function insertAccounts(tx: Tx, viewer: Viewer, inputs: Array<ParsedAccount | DomainError>): Promise<Array<BatchResult<Account>>> {
  const batch = new Batch(inputs);
  let live = batch.live;
  batch.failEach(live, await findMissingLookups(tx, live.map((index) => batch.input(index))));
  live = batch.live;
  const ownerships = new Map<number, OwnedRecord>();
  (await resolveOwnerships(tx, viewer, live.map((index) => ({ requested: batch.input(index) })))).forEach((ownership, position) => {
    if (ownership instanceof ValidationError) batch.fail(live[position], ownership);
    else ownerships.set(live[position], ownership);
  });

  const identities = new Map(batch.live.map((index) => [index, identityOf(batch.input(index))]));
  const checked = batch.live.filter((index) => !batch.input(index).allowDuplicate);
  const existing = await findDuplicateAccounts(tx, viewer, checked.map((index) => identities.get(index)!));
  checked.forEach((index, position) => {
    if (existing[position].length) batch.fail(index, duplicateError(identities.get(index)!, existing[position]));
  });
  const { accepted, duplicateOfEarlier } = withinBatch(
    batch.live.map((index) => ({ index, keys: identityKeys(identities.get(index)!), checked: !batch.input(index).allowDuplicate })),
  );

  const now = new Date();
  const ids = await insertRows(
    tx,
    'Account',
    ACCOUNT_COLUMNS,
    accepted.map((index) => {
      const input = batch.input(index);
      const normalizedName = identities.get(index)!.normalizedName;
      return { ...columns(input), name: input.name, normalizedName, ...ownerships.get(index)!, createdAt: now, updatedAt: now };
    }),
  );
  const created = await readInOrder(ids, tx.account.findMany({ where: { id: { in: ids } } }));
  const tagRows = created.flatMap((account, position) =>
    (batch.input(accepted[position]).tagIds ?? []).map((tagId) => ({ accountId: account.id, tagId })),
  );
  if (tagRows.length) await tx.accountTag.createMany({ data: tagRows });

  const outputs = new Map(accepted.map((index, position) => [index, created[position]]));
  for (const [index, earlier] of duplicateOfEarlier) {
    batch.fail(index, duplicateError(identities.get(index)!, [outputs.get(earlier)!]));
  }
  return batch.results(outputs);
}

export async function updateAccount(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: UpdateAccountInput,
): Promise<Account> {
  const input = parseInput(updateAccountInput, rawInput);
  return prisma.$transaction((tx) => applyAccountUpdate(tx, viewer, id, input));
}

/** `updateAccount` in the caller's transaction (the CSV import merges a row into an existing account). */
export function updateAccountInTransaction(tx: Tx, viewer: Viewer, id: string, rawInput: UpdateAccountInput): Promise<Account> {
  return applyAccountUpdate(tx, viewer, id, parseInput(updateAccountInput, rawInput));
}

async function applyAccountUpdate(tx: Tx, viewer: Viewer, id: string, input: z.output<typeof updateAccountInput>): Promise<Account> {
  const current = await loadWritableAccount(tx, viewer, id);
  await assertLookupsExist(tx, input);
  const ownership =
    input.ownerId !== undefined || input.teamId !== undefined ? await resolveOwnership(tx, viewer, input, current) : {};
  const name = input.name ?? current.name;
  const normalizedName = normalizeCompanyName(name);
  const postalCode = input.address?.postalCode !== undefined ? input.address.postalCode : current.postalCode;
  const email = input.email !== undefined ? input.email : current.email;
  const identityChanged =
    normalizedName !== current.normalizedName || postalCode !== current.postalCode || email !== current.email;
  if (identityChanged && !input.allowDuplicate) {
    await rejectDuplicates(tx, viewer, { normalizedName, postalCode, email }, id);
  }
  if (input.tagIds) {
    await tx.accountTag.deleteMany({ where: { accountId: id } });
    if (input.tagIds.length) await tx.accountTag.createMany({ data: input.tagIds.map((tagId) => ({ accountId: id, tagId })) });
  }
  const updated = await tx.account.update({
    where: { id },
    data: { ...columns(input), name, normalizedName, ...ownership },
  });
  if (updated.teamId !== current.teamId) await syncCustomerActivities(tx, { accountId: id });
  return updated;
}

export async function deleteAccount(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    await loadWritableAccount(tx, viewer, id);
    // No count: some of them may belong to teams the caller cannot see.
    const opportunity = await tx.opportunity.findFirst({ where: { accountId: id }, select: { id: true } });
    if (opportunity) {
      throw ValidationError.field('id', 'HAS_OPPORTUNITIES', 'The account still has opportunities: delete or move them first.');
    }
    await tx.account.delete({ where: { id } });
    return { id };
  });
}

/** Reads an account for a change; unreadable records are reported as missing, so ids reveal nothing. */
async function loadWritableAccount(tx: Tx, viewer: Viewer, id: string): Promise<Account> {
  const account = await tx.account.findUnique({ where: { id } });
  if (!account || !canReadCustomerRecord(viewer, account)) throw new NotFoundError('Account');
  assertCanWriteCustomerRecord(viewer, account);
  return account;
}

interface AccountIdentity {
  normalizedName: string;
  postalCode?: string | null;
  email?: string | null;
}

function identityOf(input: ParsedAccount): AccountIdentity {
  return { normalizedName: normalizeCompanyName(input.name), postalCode: input.address?.postalCode, email: input.email };
}

/** The duplicate rule as keys two accounts share when they count as the same: same e-mail, or same normalised name and postcode. */
function identityKeys(identity: AccountIdentity): string[] {
  const name = `name:${identity.normalizedName}:${identity.postalCode ?? ''}`;
  return [name, ...(identity.email ? [`email:${normalizeEmail(identity.email)}`] : [])];
}

function duplicateError(identity: AccountIdentity, existing: Account[]) {
  const sameEmail = identity.email && existing.some((account) => account.email?.toLowerCase() === normalizeEmail(identity.email!));
  return new DuplicateAccountError(sameEmail ? 'e-mail' : 'name and postcode', existing);
}

async function rejectDuplicates(tx: Tx, viewer: Viewer, identity: AccountIdentity, excludeId?: string) {
  const [existing] = await findDuplicateAccounts(tx, viewer, [identity], excludeId);
  if (existing.length) throw duplicateError(identity, existing);
}

/**
 * Per identity, up to five accounts the viewer can read that match it (a warning must not reveal
 * records of other teams), oldest first. Serialised per name with an advisory lock so two people
 * creating the same company at once cannot both pass the check; the locks are taken in name order
 * so that two batches cannot wait for each other. Candidates come from the indexed name and
 * e-mail (every rule stores e-mails normalised); `identityKeys` decides which match.
 */
async function findDuplicateAccounts(tx: Tx, viewer: Viewer, identities: AccountIdentity[], excludeId?: string): Promise<Account[][]> {
  if (identities.length === 0) return [];
  const names = [...new Set(identities.map((identity) => identity.normalizedName))];
  const lockKeys = names.map((name) => `account:${name}`).sort();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(key)) FROM unnest(${lockKeys}::text[]) AS key`;
  const emails = [...new Set(identities.flatMap((identity) => (identity.email ? [normalizeEmail(identity.email)] : [])))];
  const candidates = await tx.account.findMany({
    where: {
      AND: [accountReadWhere(viewer), { OR: [{ normalizedName: { in: names } }, ...(emails.length ? [{ email: { in: emails } }] : [])] }],
      ...(excludeId ? { NOT: { id: excludeId } } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return identities.map((identity) => {
    const keys = new Set(identityKeys(identity));
    return candidates.filter((candidate) => identityKeys(candidate).some((key) => keys.has(key))).slice(0, 5);
  });
}

function columns(input: z.output<typeof updateAccountInput>) {
  return {
    legalForm: input.legalForm,
    industry: input.industry,
    website: input.website,
    email: input.email === undefined || input.email === null ? input.email : normalizeEmail(input.email),
    phone: input.phone,
    street: input.address?.street,
    postalCode: input.address?.postalCode,
    city: input.address?.city,
    country: input.address?.country,
    employees: input.employees,
    description: input.description,
    statusKey: input.statusKey,
    sourceId: input.sourceId,
  };
}
