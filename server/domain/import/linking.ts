import type { Account, Contact } from '../../generated/prisma/client.ts';
import { accountReadWhere } from '../access.ts';
import { createAccounts, DuplicateAccountError, type CreateAccountInput } from '../accounts.ts';
import { createContacts, DuplicateContactError, type CreateContactInput } from '../contacts.ts';
import { DomainError, type FieldError } from '../errors.ts';
import { normalizeCompanyName } from '../normalize.ts';
import { errorsOf, type ImportContext, type RecordRef } from './import-rows.ts';

export type Link<Record> = { record: Record; created: boolean } | { errors: FieldError[] } | null;

/**
 * The account each row names: an account the viewer can read with the same name (compared as the
 * duplicate rule compares names) and, when the row has one, the same postcode; else a new account
 * made by the account rules. Rows naming the same new account share it; the first of them
 * counts as having created it.
 */
export async function linkAccounts(context: ImportContext, inputs: Array<CreateAccountInput | null>): Promise<Array<Link<Account>>> {
  const normalized = inputs.map((input) => (input?.name?.trim() ? normalizeCompanyName(input.name) : null));
  const names = [...new Set(normalized.filter((name): name is string => Boolean(name)))];
  const candidates = names.length
    ? await context.tx.account.findMany({
        where: { AND: [accountReadWhere(context.viewer), { normalizedName: { in: names } }] },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })
    : [];
  const links: Array<Link<Account>> = inputs.map(() => null);
  const toCreate = new Map<string, number[]>();
  inputs.forEach((input, position) => {
    const name = normalized[position];
    if (!input || !name) return;
    const postalCode = typeof input.address?.postalCode === 'string' ? input.address.postalCode.trim() : undefined;
    const matches = candidates.filter((account) => account.normalizedName === name && (!postalCode || account.postalCode === postalCode));
    if (matches.length === 1) links[position] = { record: matches[0], created: false };
    else if (matches.length > 1) {
      const message = `${matches.length} accounts are called ${input.name!.trim()}: add a postcode column to tell them apart.`;
      links[position] = { errors: [{ field: 'account.name', reason: 'AMBIGUOUS', message }] };
    } else {
      const key = `${name}|${postalCode ?? ''}`;
      toCreate.set(key, [...(toCreate.get(key) ?? []), position]);
    }
  });
  const groups = [...toCreate.values()];
  const created = await createAccounts(
    context.tx,
    context.viewer,
    groups.map(([first]) => ({ ...inputs[first]!, allowDuplicate: false })),
  );
  groups.forEach((positions, group) => {
    const result = created[group];
    positions.forEach((position, index) => {
      if (result instanceof DuplicateAccountError) links[position] = { record: result.existing[0], created: false };
      else if (result instanceof DomainError) links[position] = { errors: errorsOf(result, 'account.') };
      else links[position] = { record: result, created: index === 0 };
    });
  });
  return links;
}

/**
 * The contact each row names: found by the contact duplicate rule (same e-mail, or same name at
 * the account), else created by the contact rules.
 */
export async function linkContacts(context: ImportContext, inputs: Array<CreateContactInput | null>): Promise<Array<Link<Contact>>> {
  const named = inputs.flatMap((input, position) => (input ? [position] : []));
  const results = await createContacts(
    context.tx,
    context.viewer,
    named.map((position) => ({ ...inputs[position]!, allowDuplicate: false })),
  );
  const links: Array<Link<Contact>> = inputs.map(() => null);
  named.forEach((position, index) => {
    const result = results[index];
    if (result instanceof DuplicateContactError) links[position] = { record: result.existing[0], created: false };
    else if (result instanceof DomainError) links[position] = { errors: errorsOf(result, 'contact.') };
    else links[position] = { record: result, created: true };
  });
  return links;
}

export const accountLink = (account: Pick<Account, 'id' | 'name'>, created: boolean): RecordRef & { created: boolean } => ({
  type: 'Account',
  id: account.id,
  label: account.name,
  created,
});

export const contactRef = (contact: Pick<Contact, 'id' | 'firstName' | 'lastName'>): RecordRef => ({
  type: 'Contact',
  id: contact.id,
  label: `${contact.firstName} ${contact.lastName}`,
});
