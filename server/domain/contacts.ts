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
import { DuplicateError, NotFoundError, ValidationError } from './errors.ts';
import { assertLookupsExist } from './lookups.ts';
import { normalizeEmail } from './normalize.ts';
import { resolveOwnership } from './ownership.ts';
import {
  entityId,
  idList,
  optionalEmail,
  optionalPhone,
  optionalText,
  omittable,
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
  return prisma.$transaction(async (tx) => {
    await assertLookupsExist(tx, input);
    const account = input.accountId ? await loadReadableAccount(tx, viewer, input.accountId) : null;
    // A contact lands in its account's team unless the owner is not part of it.
    const ownership = await resolveOwnership(tx, viewer, input, account ? { ownerId: viewer.id, teamId: account.teamId } : undefined);
    if (!input.allowDuplicate) {
      await rejectDuplicates(tx, viewer, { ...input, accountId: input.accountId ?? null });
    }
    return tx.contact.create({
      data: {
        ...columns(input),
        firstName: input.firstName,
        lastName: input.lastName,
        ...ownership,
        tags: input.tagIds?.length ? { createMany: { data: input.tagIds.map((tagId) => ({ tagId })) } } : undefined,
      },
    });
  });
}

export async function updateContact(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: UpdateContactInput,
): Promise<Contact> {
  const input = parseInput(updateContactInput, rawInput);
  return prisma.$transaction(async (tx) => {
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
  });
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
  const account = await tx.account.findUnique({ where: { id: accountId }, select: { ownerId: true, teamId: true } });
  if (!account || !canReadCustomerRecord(viewer, account)) {
    throw ValidationError.field('accountId', 'NOT_FOUND', 'Unknown account.');
  }
  return account;
}

/** Same e-mail, or same first and last name at the same account (or both without one). */
async function rejectDuplicates(
  tx: Tx,
  viewer: Viewer,
  identity: { firstName: string; lastName: string; email?: string | null; accountId: string | null },
  excludeId?: string,
) {
  const matchers: Prisma.ContactWhereInput[] = [
    {
      firstName: { equals: identity.firstName, mode: 'insensitive' },
      lastName: { equals: identity.lastName, mode: 'insensitive' },
      accountId: identity.accountId,
    },
  ];
  if (identity.email) matchers.push({ email: { equals: normalizeEmail(identity.email), mode: 'insensitive' } });
  const existing = await tx.contact.findMany({
    where: { AND: [contactReadWhere(viewer), { OR: matchers }], ...(excludeId ? { NOT: { id: excludeId } } : {}) },
    orderBy: { createdAt: 'asc' },
    take: 5,
  });
  if (existing.length === 0) return;
  const sameEmail = identity.email && existing.some((contact) => contact.email?.toLowerCase() === normalizeEmail(identity.email!));
  throw new DuplicateContactError(sameEmail ? 'e-mail' : 'name at this account', existing);
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
