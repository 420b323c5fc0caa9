import type { Account } from '../../generated/prisma/client.ts';
import { createAccounts, DuplicateAccountError, updateAccountInTransaction, type CreateAccountInput } from '../accounts.ts';
import { DomainError } from '../errors.ts';
import { emptyFieldsFilled, errorsOf, failed, type ImportContext, type ImportRows, type RecordRef, type RowResult } from './import-rows.ts';
import type { ImportRow } from './row-values.ts';

type Values = Record<string, unknown>;

/** The domain input of an account from a row's values (`prefix` for the account columns of contact and opportunity rows). */
export function accountInput(values: Values, context: ImportContext, prefix = ''): CreateAccountInput {
  const value = (key: string) => values[`${prefix}${key}`] as never;
  const address = { street: value('street'), postalCode: value('postalCode'), city: value('city'), country: value('country') };
  return {
    name: value('name'),
    legalForm: value('legalForm'),
    industry: value('industry'),
    website: value('website'),
    email: value('email'),
    phone: value('phone'),
    address: Object.values(address).some((part) => part !== undefined) ? address : undefined,
    employees: value('employees'),
    description: value('description'),
    statusKey: value('status'),
    sourceId: value('source'),
    ownerId: values.owner as string | undefined,
    teamId: (values.team as string | undefined) ?? context.defaultTeamId,
    tagIds: prefix ? undefined : value('tags'),
    allowDuplicate: context.policy === 'CREATE',
  };
}

export const accountRef = (account: Pick<Account, 'id' | 'name'>): RecordRef => ({ type: 'Account', id: account.id, label: account.name });

/** Account rows: created by the account rules; a duplicate is skipped, merged or (CREATE) created anyway. */
export const importAccountRows: ImportRows = async (context, rows) => {
  const results = await createAccounts(context.tx, context.viewer, rows.map((row) => accountInput(row.values, context)));
  const report: RowResult[] = [];
  for (const [position, row] of rows.entries()) {
    const result = results[position];
    if (result instanceof DuplicateAccountError) report.push(await onDuplicate(context, row, result.existing[0]));
    else if (result instanceof DomainError) report.push(failed(row, errorsOf(result)));
    else if (row.errors.length) report.push(failed(row, []));
    else report.push({ outcome: 'IMPORTED', errors: [], record: accountRef(result), linked: [] });
  }
  return report;
};

async function onDuplicate(context: ImportContext, row: ImportRow, existing: Account): Promise<RowResult> {
  if (row.errors.length) return failed(row, []);
  const duplicateOf = accountRef(existing);
  if (context.policy !== 'MERGE') return { outcome: 'SKIPPED', errors: [], duplicateOf, linked: [] };
  const input = accountInput(row.values, context);
  const address = emptyFieldsFilled(existing, { street: input.address?.street, postalCode: input.address?.postalCode, city: input.address?.city });
  const patch = {
    ...emptyFieldsFilled(existing, {
      legalForm: input.legalForm,
      industry: input.industry,
      website: input.website,
      email: input.email,
      phone: input.phone,
      employees: input.employees,
      description: input.description,
      sourceId: input.sourceId,
    }),
    ...(Object.keys(address).length ? { address } : {}),
  };
  if (Object.keys(patch).length) {
    try {
      await updateAccountInTransaction(context.tx, context.viewer, existing.id, patch);
    } catch (error) {
      if (error instanceof DomainError) return failed(row, errorsOf(error));
      throw error;
    }
  }
  return { outcome: 'MERGED', errors: [], record: duplicateOf, duplicateOf, linked: [] };
}
