import type { Contact } from '../../generated/prisma/client.ts';
import { createContacts, DuplicateContactError, updateContactInTransaction, type CreateContactInput } from '../contacts.ts';
import { DomainError } from '../errors.ts';
import { accountInput } from './account-import.ts';
import { emptyFieldsFilled, errorsOf, failed, type ImportContext, type ImportRows, type RowResult } from './import-rows.ts';
import { accountLink, contactRef, linkAccounts } from './linking.ts';
import type { ImportRow } from './row-values.ts';

type Values = Record<string, unknown>;

/** The domain input of a contact from a row's values (`prefix` for the contact columns of opportunity rows). */
export function contactInput(values: Values, context: ImportContext, accountId: string | undefined, prefix = ''): CreateContactInput {
  const value = (key: string) => values[`${prefix}${key}`] as never;
  const address = { street: value('street'), postalCode: value('postalCode'), city: value('city'), country: value('country') };
  return {
    salutation: value('salutation'),
    title: value('title'),
    firstName: value('firstName'),
    lastName: value('lastName'),
    jobTitle: value('jobTitle'),
    department: value('department'),
    email: value('email'),
    phone: value('phone'),
    mobile: value('mobile'),
    address: Object.values(address).some((part) => part !== undefined) ? address : undefined,
    birthday: (value('birthday') as Date | undefined)?.toISOString().slice(0, 10),
    notes: value('notes'),
    statusKey: value('status'),
    sourceId: value('source'),
    accountId,
    ownerId: values.owner as string | undefined,
    teamId: (values.team as string | undefined) ?? context.defaultTeamId,
    tagIds: prefix ? undefined : value('tags'),
    allowDuplicate: context.policy === 'CREATE',
  };
}

/**
 * Contact rows: the account named in the row is found or created first; then the contact rules
 * create the contact, and a duplicate is skipped, merged or (CREATE) created anyway.
 */
export const importContactRows: ImportRows = async (context, rows) => {
  const accounts = await linkAccounts(
    context,
    rows.map((row) => (row.values['account.name'] ? accountInput(row.values, context, 'account.') : null)),
  );
  const accountIds = accounts.map((link) => (link && 'record' in link ? link.record.id : undefined));
  const results = await createContacts(
    context.tx,
    context.viewer,
    rows.map((row, position) => contactInput(row.values, context, accountIds[position])),
  );
  const report: RowResult[] = [];
  for (const [position, row] of rows.entries()) {
    const link = accounts[position];
    const result = results[position];
    if (link && 'errors' in link) {
      // The contact's own problems are reported too; the account's come first.
      const contactErrors = result instanceof DomainError && !(result instanceof DuplicateContactError) ? errorsOf(result) : [];
      report.push(failed(row, [...link.errors, ...contactErrors]));
      continue;
    }
    const linked = link ? [accountLink(link.record, link.created)] : [];
    if (result instanceof DuplicateContactError) {
      report.push({ ...(await onDuplicate(context, row, result.existing[0], accountIds[position])), linked });
    } else if (result instanceof DomainError) report.push(failed(row, errorsOf(result)));
    else if (row.errors.length) report.push(failed(row, []));
    else report.push({ outcome: 'IMPORTED', errors: [], record: contactRef(result), linked });
  }
  return report;
};

async function onDuplicate(context: ImportContext, row: ImportRow, existing: Contact, accountId: string | undefined): Promise<RowResult> {
  if (row.errors.length) return failed(row, []);
  const duplicateOf = contactRef(existing);
  if (context.policy !== 'MERGE') return { outcome: 'SKIPPED', errors: [], duplicateOf, linked: [] };
  const input = contactInput(row.values, context, accountId);
  const address = emptyFieldsFilled(existing, { street: input.address?.street, postalCode: input.address?.postalCode, city: input.address?.city });
  const patch = {
    ...emptyFieldsFilled(existing, {
      salutation: input.salutation,
      title: input.title,
      jobTitle: input.jobTitle,
      department: input.department,
      email: input.email,
      phone: input.phone,
      mobile: input.mobile,
      birthday: input.birthday,
      notes: input.notes,
      sourceId: input.sourceId,
      accountId: input.accountId,
    }),
    ...(Object.keys(address).length ? { address } : {}),
  };
  if (Object.keys(patch).length) {
    try {
      await updateContactInTransaction(context.tx, context.viewer, existing.id, patch);
    } catch (error) {
      if (error instanceof DomainError) return failed(row, errorsOf(error));
      throw error;
    }
  }
  return { outcome: 'MERGED', errors: [], record: duplicateOf, duplicateOf, linked: [] };
}
