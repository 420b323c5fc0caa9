import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Account, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import {
  accountReadWhere,
  assertCanCreateCustomerRecords,
  assertCanWriteCustomerRecord,
  canReadCustomerRecord,
} from './access.ts';
import { syncCustomerActivities } from './activity-tracking.ts';
import { DuplicateError, NotFoundError, ValidationError } from './errors.ts';
import { assertLookupsExist } from './lookups.ts';
import { normalizeCompanyName, normalizeEmail } from './normalize.ts';
import { resolveOwnership } from './ownership.ts';
import {
  countryCode,
  entityId,
  idList,
  optionalEmail,
  optionalPhone,
  optionalText,
  optionalWebsite,
  omittable,
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
  return prisma.$transaction(async (tx) => {
    await assertLookupsExist(tx, input);
    const ownership = await resolveOwnership(tx, viewer, input);
    const normalizedName = normalizeCompanyName(input.name);
    if (!input.allowDuplicate) {
      await rejectDuplicates(tx, viewer, { normalizedName, postalCode: input.address?.postalCode, email: input.email });
    }
    return tx.account.create({
      data: {
        ...columns(input),
        name: input.name,
        normalizedName,
        ...ownership,
        tags: input.tagIds?.length ? { createMany: { data: input.tagIds.map((tagId) => ({ tagId })) } } : undefined,
      },
    });
  });
}

export async function updateAccount(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: UpdateAccountInput,
): Promise<Account> {
  const input = parseInput(updateAccountInput, rawInput);
  return prisma.$transaction(async (tx) => {
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
  });
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

/**
 * Same e-mail, or same normalised name and postcode, among the accounts the viewer can read (a
 * warning must not reveal records of other teams). Serialised per name with an advisory lock so two
 * people creating the same company at once cannot both pass the check.
 */
async function rejectDuplicates(
  tx: Tx,
  viewer: Viewer,
  identity: { normalizedName: string; postalCode?: string | null; email?: string | null },
  excludeId?: string,
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`account:${identity.normalizedName}`}))`;
  const matchers: Prisma.AccountWhereInput[] = [
    { normalizedName: identity.normalizedName, postalCode: identity.postalCode ?? null },
  ];
  if (identity.email) matchers.push({ email: { equals: normalizeEmail(identity.email), mode: 'insensitive' } });
  const existing = await tx.account.findMany({
    where: { AND: [accountReadWhere(viewer), { OR: matchers }], ...(excludeId ? { NOT: { id: excludeId } } : {}) },
    orderBy: { createdAt: 'asc' },
    take: 5,
  });
  if (existing.length === 0) return;
  const sameEmail = identity.email && existing.some((account) => account.email?.toLowerCase() === normalizeEmail(identity.email!));
  throw new DuplicateAccountError(sameEmail ? 'e-mail' : 'name and postcode', existing);
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
