import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAdminOnly, readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact } from '../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let readOnlyToken: string;

const ERRORS = '... on ValidationError { fieldErrors { field reason message } }';
const CREATE = `mutation($key: String!, $label: String!) { createLifecycleStatus(key: $key, label: $label) { __typename ... on CreateLifecycleStatusSuccess { entry { key label builtIn } } ${ERRORS} } }`;
const RELABEL = `mutation($key: String!, $label: String!) { relabelLifecycleStatus(key: $key, label: $label) { __typename ... on RelabelLifecycleStatusSuccess { entry { key label } } ${ERRORS} } }`;
const REORDER = `mutation($keys: [String!]!) { reorderLifecycleStatuses(keys: $keys) { __typename ... on ReorderLifecycleStatusesSuccess { entries { key } } ${ERRORS} } }`;
const DELETE = `mutation($key: String!) { deleteLifecycleStatus(key: $key) { __typename ... on DeleteLifecycleStatusSuccess { deletedKey } ${ERRORS} } }`;
const LIST = '{ lifecycleStatuses { key label builtIn } }';
const BUILT_IN = ['PROSPECT', 'CUSTOMER', 'INACTIVE'];

async function run(operation: string, variables: Record<string, unknown> = {}, token = org.admin.token) {
  const response = await t.graphql(operation, variables, token);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data)[0] as any;
}

const reasons = (result: any) => Object.fromEntries(result.fieldErrors.map((error: any) => [error.field, error.reason]));

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  readOnlyToken = await readOnlyAdminToken(t, org);
});
afterAll(() => t.close());

describe('customer statuses', () => {
  it('adds statuses like Konkurs and Fusioniert at the end, which accounts can then take', async () => {
    expect((await run(CREATE, { key: 'bankrupt', label: 'Konkurs' })).entry).toEqual({ key: 'BANKRUPT', label: 'Konkurs', builtIn: false });
    await run(CREATE, { key: 'MERGED', label: 'Fusioniert' });
    expect((await run(LIST, {}, org.service.token)).map((entry: any) => entry.key)).toEqual([...BUILT_IN, 'BANKRUPT', 'MERGED']);
    expect(reasons(await run(CREATE, { key: 'customer', label: 'Doppelt' }))).toEqual({ key: 'TAKEN' });
    expect(reasons(await run(CREATE, { key: '1X', label: ' ' }))).toEqual({ key: 'INVALID_FORMAT', label: 'REQUIRED' });

    const account = await insertAccount(t.prisma, org.northSales, org.north.id);
    const updated = await t.graphql(
      'mutation($id: ID!) { updateAccount(id: $id, input: { statusKey: "BANKRUPT" }) { ... on UpdateAccountSuccess { account { status { key label } } } } }',
      { id: globalId('Account', account.id) },
      org.northSales.token,
    );
    expect(updated.data.updateAccount.account.status).toEqual({ key: 'BANKRUPT', label: 'Konkurs' });
  });

  it('relabels and reorders, built-in ones too', async () => {
    expect((await run(RELABEL, { key: 'PROSPECT', label: 'Interessent' })).entry).toEqual({ key: 'PROSPECT', label: 'Interessent' });
    const order = ['CUSTOMER', 'PROSPECT', 'MERGED', 'BANKRUPT', 'INACTIVE'];
    expect((await run(REORDER, { keys: order })).entries.map((entry: any) => entry.key)).toEqual(order);
    expect(reasons(await run(REORDER, { keys: order.slice(1) }))).toEqual({ keys: 'MISMATCH' });
    expect((await run(LIST)).map((entry: any) => entry.key)).toEqual(order);
  });

  it('refuses to delete a built-in status or one an account or contact has', async () => {
    expect(reasons(await run(DELETE, { key: 'CUSTOMER' }))).toEqual({ key: 'BUILT_IN' });
    expect((await run(DELETE, { key: 'BANKRUPT' })).fieldErrors).toEqual([
      { field: 'key', reason: 'IN_USE', message: 'This customer status is still used by 1 account or contact.' },
    ]);
    const contact = await insertContact(t.prisma, org.northSales, org.north.id);
    await t.prisma.contact.update({ where: { id: contact.id }, data: { statusKey: 'MERGED' } });
    expect(reasons(await run(DELETE, { key: 'MERGED' }))).toEqual({ key: 'IN_USE' });
    await t.prisma.contact.update({ where: { id: contact.id }, data: { statusKey: 'PROSPECT' } });
    expect(await run(DELETE, { key: 'MERGED' })).toEqual({ __typename: 'DeleteLifecycleStatusSuccess', deletedKey: 'MERGED' });
    expect((await t.graphql(DELETE, { key: 'UNKNOWN' }, org.admin.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('is changed by administrators only', async () => {
    await expectAdminOnly(t, org, readOnlyToken, CREATE, { key: 'FOREIGN', label: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, RELABEL, { key: 'BANKRUPT', label: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, REORDER, { keys: ['CUSTOMER', 'PROSPECT', 'BANKRUPT', 'INACTIVE'] });
    await expectAdminOnly(t, org, readOnlyToken, DELETE, { key: 'BANKRUPT' });
    const entries = await run(LIST);
    expect(entries.map((entry: any) => entry.key)).toEqual(['CUSTOMER', 'PROSPECT', 'BANKRUPT', 'INACTIVE']);
    expect(entries.find((entry: any) => entry.key === 'BANKRUPT').label).toBe('Konkurs');
  });
});
