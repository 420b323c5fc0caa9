import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Contact, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { syncCustomerActivities } from './activity-tracking.ts';
import {
  assertCanCreateCustomerRecords,
  assertCanWriteCustomerRecord,
  canReadCustomerRecord,
  contactReadWhere,
  type OwnedRecord,
} from './access.ts';
import { addressInput } from './accounts.ts';
import { insertRows, type ColumnType } from '../db/bulk-insert.ts';
import { Batch, readInOrder, single, withinBatch, type BatchResult } from './batch.ts';
import { DomainError, DuplicateError, NotFoundError, ValidationError } from './errors.ts';
import { assertLookupsExist, findMissingLookups } from './lookups.ts';
import { normalizeEmail } from './normalize.ts';
import { resolveOwnership, resolveOwnerships } from './ownership.ts';
import {
  entityId,
  idList,
  optionalEmail,
  optionalPhone,
  optionalText,
  omittable,
  parseEach,
  parseInput,
  requiredText,
} from './validation.ts';

const birthday = z.iso
  .date('Use a date like 1980-04-23.')
  .refine((value) => value >= '1900-01-01' && new Date(value) <= new Date(), 'Enter a date between 1900 and today.')
  .nullable()
  .optional();

const contactFields = {
  salutation: optionalText(20),
  title: optionalText(40),
  firstName: requiredText(100),
  lastName: requiredText(100),
  jobTitle: optionalText(120),
  department: optionalText(120),
  email: optionalEmail,
  phone: optionalPhone,
  mobile: optionalPhone,
  address: omittable(addressInput),
  birthday,
  notes: optionalText(5000),
  statusKey: omittable(z.string().max(40)),
  accountId: entityId.nullable().optional(),
  sourceId: entityId.nullable().optional(),
  ownerId: omittable(entityId),
  teamId: omittable(entityId),
  tagIds: omittable(idList(20)),
  allowDuplicate: omittable(z.boolean()),
};

const createContactInput = z.object(contactFields);
const updateContactInput = z.object({
  ...contactFields,
  firstName: omittable(contactFields.firstName),
  lastName: omittable(contactFields.lastName),
});

/** Title, first and last name, as a contact is shown. */
export const contactFullName = (contact: { title: string | null; firstName: string; lastName: string }) =>
  [contact.title, contact.firstName, contact.lastName].filter(Boolean).join(' ');

export type CreateContactInput = z.input<typeof createContactInput>;
export type UpdateContactInput = z.input<typeof updateContactInput>;

type Tx = Prisma.TransactionClient;

export class DuplicateContactError extends DuplicateError<Contact> {
  constructor(matchedOn: string, existing: Contact[]) {
    super('contact', matchedOn, existing);
  }
}

export async function createContact(prisma: PrismaClient, viewer: Viewer, rawInput: CreateContactInput): Promise<Contact> {
  assertCanCreateCustomerRecords(viewer);
  const input = parseInput(createContactInput, rawInput);
  return prisma.$transaction(async (tx) => single(await insertContacts(tx, viewer, [input])));
}

/**
 * `createContact` for many contacts in the caller's transaction (the CSV import): the same rules,
 * answered per input with the contact or the error `createContact` would throw, in a few
 * statements for the whole batch. An input that matches an earlier one of the same batch is a
 * duplicate of the contact that one created.
 */
export async function createContacts(
  tx: Tx,
  viewer: Viewer,
  rawInputs: CreateContactInput[],
): Promise<Array<BatchResult<Contact>>> {
  assertCanCreateCustomerRecords(viewer);
  return insertContacts(tx, viewer, parseEach(createContactInput, rawInputs));
}

type ParsedContact = z.output<typeof createContactInput>;

/** The columns a new contact is written with (the others take their defaults). */
const CONTACT_COLUMNS: Record<string, ColumnType> = {
  salutation: 'text',
  title: 'text',
  firstName: 'text',
  lastName: 'text',
  jobTitle: 'text',
  department: 'text',
  email: 'text',
  phone: 'text',
  mobile: 'text',
  street: 'text',
  postalCode: 'text',
  city: 'text',
  country: 'text',
  birthday: 'date',
  notes: 'text',
  statusKey: 'text',
  accountId: 'uuid',
  sourceId: 'uuid',
  ownerId: 'uuid',
  teamId: 'uuid',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
};

async function insertContacts(tx: Tx, viewer: Viewer, inputs: Array<ParsedContact | DomainError>): Promise<Array<BatchResult<Contact>>> {
  const batch = new Batch(inputs);
  let live = batch.live;
  batch.failEach(live, await findMissingLookups(tx, live.map((index) => batch.input(index))));
  live = batch.live;
  const accounts = await loadReadableAccounts(tx, viewer, live.map((index) => batch.input(index).accountId));
  for (const index of live) {
    const accountId = batch.input(index).accountId;
    if (accountId && !accounts.has(accountId)) batch.fail(index, ValidationError.field('accountId', 'NOT_FOUND', 'Unknown account.'));
  }
  live = batch.live;
  // A contact lands in its account's team unless the owner is not part of it.
  const requests = live.map((index) => {
    const account = accounts.get(batch.input(index).accountId ?? '');
    return { requested: batch.input(index), current: account ? { ownerId: viewer.id, teamId: account.teamId } : undefined };
  });
  const ownerships = new Map<number, OwnedRecord>();
  (await resolveOwnerships(tx, viewer, requests)).forEach((ownership, position) => {
    if (ownership instanceof ValidationError) batch.fail(live[position], ownership);
    else ownerships.set(live[position], ownership);
  });

  const identities = new Map(batch.live.map((index) => [index, identityOf(batch.input(index))]));
  const checked = batch.live.filter((index) => !batch.input(index).allowDuplicate);
  const existing = await findDuplicateContacts(tx, viewer, checked.map((index) => identities.get(index)!));
  checked.forEach((index, position) => {
    if (existing[position].length) batch.fail(index, duplicateError(identities.get(index)!, existing[position]));
  });
  const { accepted, duplicateOfEarlier } = withinBatch(
    batch.live.map((index) => ({ index, keys: identityKeys(identities.get(index)!), checked: !batch.input(index).allowDuplicate })),
  );

  const now = new Date();
  const ids = await insertRows(
    tx,
    'Contact',
    CONTACT_COLUMNS,
    accepted.map((index) => {
      const input = batch.input(index);
      return { ...columns(input), firstName: input.firstName, lastName: input.lastName, ...ownerships.get(index)!, createdAt: now, updatedAt: now };
    }),
  );
  const created = await readInOrder(ids, tx.contact.findMany({ where: { id: { in: ids } } }));
  const tagRows = created.flatMap((contact, position) =>
    (batch.input(accepted[position]).tagIds ?? []).map((tagId) => ({ contactId: contact.id, tagId })),
  );
  if (tagRows.length) await tx.contactTag.createMany({ data: tagRows });

  const outputs = new Map(accepted.map((index, position) => [index, created[position]]));
  for (const [index, earlier] of duplicateOfEarlier) {
    batch.fail(index, duplicateError(identities.get(index)!, [outputs.get(earlier)!]));
  }
  return batch.results(outputs);
}

export async function updateContact(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: UpdateContactInput,
): Promise<Contact> {
  const input = parseInput(updateContactInput, rawInput);
  return prisma.$transaction((tx) => applyContactUpdate(tx, viewer, id, input));
}

/** `updateContact` in the caller's transaction (the CSV import merges a row into an existing contact). */
export function updateContactInTransaction(tx: Tx, viewer: Viewer, id: string, rawInput: UpdateContactInput): Promise<Contact> {
  return applyContactUpdate(tx, viewer, id, parseInput(updateContactInput, rawInput));
}

async function applyContactUpdate(tx: Tx, viewer: Viewer, id: string, input: z.output<typeof updateContactInput>): Promise<Contact> {
  const current = await loadWritableContact(tx, viewer, id);
  await assertLookupsExist(tx, input);
  if (input.accountId) await loadReadableAccount(tx, viewer, input.accountId);
  const ownership =
    input.ownerId !== undefined || input.teamId !== undefined ? await resolveOwnership(tx, viewer, input, current) : {};
  const identity = {
    firstName: input.firstName ?? current.firstName,
    lastName: input.lastName ?? current.lastName,
    email: input.email !== undefined ? input.email : current.email,
    accountId: input.accountId !== undefined ? input.accountId : current.accountId,
  };
  const identityChanged =
    identity.firstName !== current.firstName ||
    identity.lastName !== current.lastName ||
    identity.email !== current.email ||
    identity.accountId !== current.accountId;
  if (identityChanged && !input.allowDuplicate) await rejectDuplicates(tx, viewer, identity, id);
  if (input.tagIds) {
    await tx.contactTag.deleteMany({ where: { contactId: id } });
    if (input.tagIds.length) await tx.contactTag.createMany({ data: input.tagIds.map((tagId) => ({ contactId: id, tagId })) });
  }
  const updated = await tx.contact.update({
    where: { id },
    data: { ...columns(input), firstName: identity.firstName, lastName: identity.lastName, ...ownership },
  });
  if (updated.teamId !== current.teamId) await syncCustomerActivities(tx, { contactId: id });
  return updated;
}

export async function deleteContact(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    await loadWritableContact(tx, viewer, id);
    await tx.contact.delete({ where: { id } });
    return { id };
  });
}

async function loadWritableContact(tx: Tx, viewer: Viewer, id: string): Promise<Contact> {
  const contact = await tx.contact.findUnique({ where: { id } });
  if (!contact || !canReadCustomerRecord(viewer, contact)) throw new NotFoundError('Contact');
  assertCanWriteCustomerRecord(viewer, contact);
  return contact;
}

async function loadReadableAccount(tx: Tx, viewer: Viewer, accountId: string): Promise<OwnedRecord> {
  const account = (await loadReadableAccounts(tx, viewer, [accountId])).get(accountId);
  if (!account) throw ValidationError.field('accountId', 'NOT_FOUND', 'Unknown account.');
  return account;
}

/** The given accounts the viewer may read, by id; one statement. */
async function loadReadableAccounts(
  tx: Tx,
  viewer: Viewer,
  accountIds: Array<string | null | undefined>,
): Promise<Map<string, OwnedRecord>> {
  const ids = [...new Set(accountIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const accounts = await tx.account.findMany({ where: { id: { in: ids } }, select: { id: true, ownerId: true, teamId: true } });
  return new Map(accounts.filter((account) => canReadCustomerRecord(viewer, account)).map((account) => [account.id, account]));
}

interface ContactIdentity {
  firstName: string;
  lastName: string;
  email?: string | null;
  accountId: string | null;
}

function identityOf(input: ParsedContact): ContactIdentity {
  return { firstName: input.firstName, lastName: input.lastName, email: input.email, accountId: input.accountId ?? null };
}

/** The keys under which two contacts count as the same: same e-mail, or same first and last name at the same account. */
function identityKeys(identity: ContactIdentity): string[] {
  const name = `name:${identity.firstName.toLowerCase()}:${identity.lastName.toLowerCase()}:${identity.accountId ?? ''}`;
  return [name, ...(identity.email ? [`email:${normalizeEmail(identity.email)}`] : [])];
}

function duplicateError(identity: ContactIdentity, existing: Contact[]) {
  const sameEmail = identity.email && existing.some((contact) => contact.email?.toLowerCase() === normalizeEmail(identity.email!));
  return new DuplicateContactError(sameEmail ? 'e-mail' : 'name at this account', existing);
}

async function rejectDuplicates(tx: Tx, viewer: Viewer, identity: ContactIdentity, excludeId?: string) {
  const [existing] = await findDuplicateContacts(tx, viewer, [identity], excludeId);
  if (existing.length) throw duplicateError(identity, existing);
}

/**
 * Per identity, up to five contacts the viewer can read with the same e-mail, or the same first and
 * last name at the same account (or both without one), oldest first. Candidates come from the
 * indexed account and e-mail (every rule stores e-mails normalised) and the last name;
 * `identityKeys` decides which match.
 */
async function findDuplicateContacts(tx: Tx, viewer: Viewer, identities: ContactIdentity[], excludeId?: string): Promise<Contact[][]> {
  if (identities.length === 0) return [];
  const lastNames = (withAccount: boolean) => [
    ...new Set(identities.filter((identity) => (identity.accountId !== null) === withAccount).map((identity) => identity.lastName)),
  ];
  const accountIds = [...new Set(identities.flatMap((identity) => (identity.accountId ? [identity.accountId] : [])))];
  const emails = [...new Set(identities.flatMap((identity) => (identity.email ? [normalizeEmail(identity.email)] : [])))];
  const matchers: Prisma.ContactWhereInput[] = [
    ...(accountIds.length ? [{ accountId: { in: accountIds }, lastName: { in: lastNames(true), mode: 'insensitive' as const } }] : []),
    ...(lastNames(false).length ? [{ accountId: null, lastName: { in: lastNames(false), mode: 'insensitive' as const } }] : []),
    ...(emails.length ? [{ email: { in: emails } }] : []),
  ];
  const candidates = await tx.contact.findMany({
    where: { AND: [contactReadWhere(viewer), { OR: matchers }], ...(excludeId ? { NOT: { id: excludeId } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return identities.map((identity) => {
    const keys = new Set(identityKeys(identity));
    return candidates.filter((candidate) => identityKeys(candidate).some((key) => keys.has(key))).slice(0, 5);
  });
}

function columns(input: z.output<typeof updateContactInput>) {
  return {
    salutation: input.salutation,
    title: input.title,
    jobTitle: input.jobTitle,
    department: input.department,
    email: input.email === undefined || input.email === null ? input.email : normalizeEmail(input.email),
    phone: input.phone,
    mobile: input.mobile,
    street: input.address?.street,
    postalCode: input.address?.postalCode,
    city: input.address?.city,
    country: input.address?.country,
    birthday: input.birthday === undefined || input.birthday === null ? input.birthday : new Date(`${input.birthday}T00:00:00Z`),
    notes: input.notes,
    statusKey: input.statusKey,
    accountId: input.accountId,
    sourceId: input.sourceId,
  };
}
