import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAdminOnly, readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createOpportunityRow } from '../test/opportunity-row.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let readOnlyToken: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  readOnlyToken = await readOnlyAdminToken(t, org);
});
afterAll(() => t.close());

/** Runs an operation as admin and returns its single top-level result. */
async function run(operation: string, variables: Record<string, unknown> = {}, token = org.admin.token) {
  const response = await t.graphql(operation, variables, token);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data)[0] as any;
}

const reasons = (result: any) => Object.fromEntries(result.fieldErrors.map((error: any) => [error.field, error.reason]));
const dbId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1];
const ERRORS = '... on ValidationError { fieldErrors { field reason message } }';

describe('loss reasons', () => {
  const CREATE = `mutation($name: String!) { createLossReason(name: $name) { __typename ... on CreateLossReasonSuccess { lossReason { id name active } } ${ERRORS} } }`;
  const RENAME = `mutation($id: ID!, $name: String!) { renameLossReason(id: $id, name: $name) { __typename ... on RenameLossReasonSuccess { lossReason { name } } ${ERRORS} } }`;
  const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setLossReasonActive(id: $id, active: $active) { __typename ... on SetLossReasonActiveSuccess { lossReason { name active } } ${ERRORS} } }`;
  const REORDER = `mutation($ids: [ID!]!) { reorderLossReasons(ids: $ids) { __typename ... on ReorderLossReasonsSuccess { lossReasons { name } } ${ERRORS} } }`;
  const DELETE = `mutation($id: ID!) { deleteLossReason(id: $id) { __typename ... on DeleteLossReasonSuccess { deletedId } ${ERRORS} } }`;
  const LIST = 'query($all: Boolean) { lossReasons(includeInactive: $all) { id name active } }';
  const ids: Record<string, string> = {};

  it('creates loss reasons at the end of the list', async () => {
    for (const name of ['Preis', 'Wettbewerber', 'Kein Budget']) {
      const result = await run(CREATE, { name: ` ${name} ` });
      expect(result.lossReason).toMatchObject({ name, active: true });
      ids[name] = result.lossReason.id;
    }
    const list = await run(LIST, {}, org.northSales.token);
    expect(list.map((entry: any) => entry.name)).toEqual(['Preis', 'Wettbewerber', 'Kein Budget']);
  });

  it('refuses blank, too long and taken names', async () => {
    expect(reasons(await run(CREATE, { name: '  ' }))).toEqual({ name: 'REQUIRED' });
    expect(reasons(await run(CREATE, { name: 'x'.repeat(81) }))).toEqual({ name: 'TOO_LONG' });
    expect(reasons(await run(CREATE, { name: 'preis' }))).toEqual({ name: 'TAKEN' });
    expect(reasons(await run(RENAME, { id: ids.Preis, name: 'KEIN BUDGET' }))).toEqual({ name: 'TAKEN' });
    expect(await t.prisma.lossReason.count()).toBe(3);
  });

  it('renames and deactivates; inactive reasons are listed only on request', async () => {
    expect((await run(RENAME, { id: ids.Preis, name: 'Preis zu hoch' })).lossReason.name).toBe('Preis zu hoch');
    expect((await run(SET_ACTIVE, { id: ids.Wettbewerber, active: false })).lossReason).toEqual({ name: 'Wettbewerber', active: false });
    expect((await run(LIST, {})).map((entry: any) => entry.name)).toEqual(['Preis zu hoch', 'Kein Budget']);
    expect((await run(LIST, { all: true })).map((entry: any) => entry.name)).toEqual(['Preis zu hoch', 'Wettbewerber', 'Kein Budget']);
    expect((await run(SET_ACTIVE, { id: ids.Wettbewerber, active: true })).lossReason.active).toBe(true);
  });

  it('reorders, requiring every reason (active or not) exactly once', async () => {
    await run(SET_ACTIVE, { id: ids['Kein Budget'], active: false });
    const order = [ids['Kein Budget'], ids.Preis, ids.Wettbewerber];
    const result = await run(REORDER, { ids: order });
    expect(result.lossReasons.map((entry: any) => entry.name)).toEqual(['Kein Budget', 'Preis zu hoch', 'Wettbewerber']);
    expect(reasons(await run(REORDER, { ids: [ids.Preis, ids.Wettbewerber] }))).toEqual({ ids: 'MISMATCH' });
    expect(reasons(await run(REORDER, { ids: [ids.Preis, ids.Preis, ids.Wettbewerber] }))).toEqual({ ids: 'MISMATCH' });
    const list = await run(LIST, { all: true });
    expect(list.map((entry: any) => entry.name)).toEqual(['Kein Budget', 'Preis zu hoch', 'Wettbewerber']);
  });

  it('deletes an unused reason but not one a lost opportunity names', async () => {
    await createOpportunityRow(t.prisma, org, { status: 'LOST', probability: 0, lossReasonId: dbId(ids.Wettbewerber) });
    const refused = await run(DELETE, { id: ids.Wettbewerber });
    expect(refused.fieldErrors).toEqual([{ field: 'id', reason: 'IN_USE', message: 'This loss reason is still used by 1 record.' }]);
    expect(await run(DELETE, { id: ids['Kein Budget'] })).toEqual({ __typename: 'DeleteLossReasonSuccess', deletedId: ids['Kein Budget'] });
    const missing = await t.graphql(DELETE, { id: ids['Kein Budget'] }, org.admin.token);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('is changed by administrators only', async () => {
    await expectAdminOnly(t, org, readOnlyToken, CREATE, { name: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, RENAME, { id: ids.Preis, name: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, SET_ACTIVE, { id: ids.Preis, active: false });
    await expectAdminOnly(t, org, readOnlyToken, REORDER, { ids: [ids.Wettbewerber, ids.Preis] });
    await expectAdminOnly(t, org, readOnlyToken, DELETE, { id: ids.Preis });
    expect(await t.prisma.lossReason.findMany({ orderBy: { position: 'asc' }, select: { name: true, active: true } })).toEqual([
      { name: 'Preis zu hoch', active: true },
      { name: 'Wettbewerber', active: true },
    ]);
  });
});

describe.each([
  { list: 'forecastCategories', one: 'ForecastCategory', many: 'ForecastCategories', builtIns: ['COMMIT', 'BEST_CASE', 'PIPELINE', 'OMITTED'], column: 'forecastCategoryKey' },
  { list: 'priorities', one: 'Priority', many: 'Priorities', builtIns: ['HIGH', 'MEDIUM', 'LOW'], column: 'priorityKey' },
] as const)('$list (key-based)', ({ list, one, many, builtIns, column }) => {
  const CREATE = `mutation($key: String!, $label: String!) { create${one}(key: $key, label: $label) { __typename ... on Create${one}Success { entry { key label builtIn } } ${ERRORS} } }`;
  const RELABEL = `mutation($key: String!, $label: String!) { relabel${one}(key: $key, label: $label) { __typename ... on Relabel${one}Success { entry { key label } } ${ERRORS} } }`;
  const REORDER = `mutation($keys: [String!]!) { reorder${many}(keys: $keys) { __typename ... on Reorder${many}Success { entries { key } } ${ERRORS} } }`;
  const DELETE = `mutation($key: String!) { delete${one}(key: $key) { __typename ... on Delete${one}Success { deletedKey } ${ERRORS} } }`;
  const LIST = `{ ${list} { key label builtIn } }`;

  it('lists the built-in entries to every signed-in user', async () => {
    const entries = await run(LIST, {}, org.service.token);
    expect(entries.map((entry: any) => entry.key)).toEqual(builtIns);
    expect(entries.every((entry: any) => entry.builtIn)).toBe(true);
    const anonymous = await t.graphql(LIST);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('creates an entry with an upper-case key at the end, refusing bad and taken keys', async () => {
    const created = await run(CREATE, { key: ' next_step ', label: 'Nächster Schritt' });
    expect(created.entry).toEqual({ key: 'NEXT_STEP', label: 'Nächster Schritt', builtIn: false });
    expect((await run(LIST)).map((entry: any) => entry.key)).toEqual([...builtIns, 'NEXT_STEP']);
    expect(reasons(await run(CREATE, { key: 'mit leerzeichen', label: 'X' }))).toEqual({ key: 'INVALID_FORMAT' });
    expect(reasons(await run(CREATE, { key: '', label: '' }))).toEqual({ key: 'REQUIRED', label: 'REQUIRED' });
    expect(reasons(await run(CREATE, { key: builtIns[0].toLowerCase(), label: 'Doppelt' }))).toEqual({ key: 'TAKEN' });
  });

  it('relabels an entry, built-in ones too', async () => {
    expect((await run(RELABEL, { key: builtIns[0], label: 'Umbenannt' })).entry).toEqual({ key: builtIns[0], label: 'Umbenannt' });
    expect(reasons(await run(RELABEL, { key: builtIns[0], label: ' ' }))).toEqual({ label: 'REQUIRED' });
    const missing = await t.graphql(RELABEL, { key: 'UNKNOWN', label: 'X' }, org.admin.token);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('reorders, requiring every key exactly once', async () => {
    const order = ['NEXT_STEP', ...[...builtIns].reverse()];
    expect((await run(REORDER, { keys: order })).entries.map((entry: any) => entry.key)).toEqual(order);
    expect(reasons(await run(REORDER, { keys: order.slice(1) }))).toEqual({ keys: 'MISMATCH' });
    expect(reasons(await run(REORDER, { keys: [...order.slice(1), 'UNKNOWN'] }))).toEqual({ keys: 'MISMATCH' });
    expect((await run(LIST)).map((entry: any) => entry.key)).toEqual(order);
  });

  it('deletes an unused custom entry, but neither a built-in nor a used one', async () => {
    const builtIn = await run(DELETE, { key: builtIns[1] });
    expect(reasons(builtIn)).toEqual({ key: 'BUILT_IN' });
    await run(CREATE, { key: 'USED', label: 'In Gebrauch' });
    await createOpportunityRow(t.prisma, org, { [column]: 'USED' });
    const used = await run(DELETE, { key: 'USED' });
    expect(used.fieldErrors).toEqual([{ field: 'key', reason: 'IN_USE', message: expect.stringContaining('1 opportunity') }]);
    expect(await run(DELETE, { key: 'NEXT_STEP' })).toEqual({ __typename: `Delete${one}Success`, deletedKey: 'NEXT_STEP' });
    expect((await run(LIST)).map((entry: any) => entry.key)).not.toContain('NEXT_STEP');
  });

  it('is changed by administrators only', async () => {
    await expectAdminOnly(t, org, readOnlyToken, CREATE, { key: 'FOREIGN', label: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, RELABEL, { key: 'USED', label: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, REORDER, { keys: [...builtIns, 'USED'] });
    await expectAdminOnly(t, org, readOnlyToken, DELETE, { key: 'USED' });
    const entries = await run(LIST);
    expect(entries.map((entry: any) => entry.key)).toEqual([...[...builtIns].reverse(), 'USED']);
    expect(entries.find((entry: any) => entry.key === 'USED').label).toBe('In Gebrauch');
  });
});

describe('sources', () => {
  const CREATE = `mutation($name: String!) { createSource(name: $name) { __typename ... on CreateSourceSuccess { source { id name active } } ${ERRORS} } }`;
  const RENAME = `mutation($id: ID!, $name: String!) { renameSource(id: $id, name: $name) { __typename ... on RenameSourceSuccess { source { name } } ${ERRORS} } }`;
  const DELETE = `mutation($id: ID!) { deleteSource(id: $id) { __typename ... on DeleteSourceSuccess { deletedId } ${ERRORS} } }`;
  const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setSourceActive(id: $id, active: $active) { __typename ... on SetSourceActiveSuccess { source { name active } } ${ERRORS} } }`;
  const REORDER = `mutation($ids: [ID!]!) { reorderSources(ids: $ids) { __typename ... on ReorderSourcesSuccess { sources { name active } } ${ERRORS} } }`;

  it('creates, renames and deletes sources; a used one stays', async () => {
    const messe = (await run(CREATE, { name: 'Messe' })).source;
    const web = (await run(CREATE, { name: 'Webformular' })).source;
    expect(messe).toMatchObject({ name: 'Messe', active: true });
    expect(reasons(await run(CREATE, { name: 'MESSE' }))).toEqual({ name: 'TAKEN' });
    expect((await run(RENAME, { id: messe.id, name: 'Fachmesse' })).source.name).toBe('Fachmesse');
    expect(reasons(await run(RENAME, { id: web.id, name: 'fachmesse' }))).toEqual({ name: 'TAKEN' });
    expect((await run('{ sources { name } }', {}, org.service.token)).map((source: any) => source.name)).toEqual(['Fachmesse', 'Webformular']);

    await t.prisma.account.create({
      data: { name: 'Quelle GmbH', normalizedName: 'quelle', ownerId: org.northSales.id, teamId: org.north.id, sourceId: dbId(messe.id) },
    });
    const used = await run(DELETE, { id: messe.id });
    expect(used.fieldErrors).toEqual([{ field: 'id', reason: 'IN_USE', message: 'This source is still used by 1 record.' }]);
    expect(await run(DELETE, { id: web.id })).toEqual({ __typename: 'DeleteSourceSuccess', deletedId: web.id });
    expect(await t.prisma.source.count()).toBe(1);
  });

  it('deactivates, reactivates and reorders sources, requiring every source (active or not) exactly once', async () => {
    const fachmesse = (await run('{ sources { id name } }')).find((source: any) => source.name === 'Fachmesse').id;
    const empfehlung = (await run(CREATE, { name: 'Empfehlung' })).source.id;
    expect((await run(SET_ACTIVE, { id: fachmesse, active: false })).source).toEqual({ name: 'Fachmesse', active: false });
    expect(await run('{ sources { name active } }', {}, org.northSales.token)).toEqual([
      { name: 'Fachmesse', active: false },
      { name: 'Empfehlung', active: true },
    ]);
    expect((await run(REORDER, { ids: [empfehlung, fachmesse] })).sources).toEqual([
      { name: 'Empfehlung', active: true },
      { name: 'Fachmesse', active: false },
    ]);
    expect(reasons(await run(REORDER, { ids: [empfehlung] }))).toEqual({ ids: 'MISMATCH' });
    expect(reasons(await run(REORDER, { ids: [empfehlung, empfehlung] }))).toEqual({ ids: 'MISMATCH' });
    expect((await run(SET_ACTIVE, { id: fachmesse, active: true })).source.active).toBe(true);
    expect((await run('{ sources { name } }')).map((source: any) => source.name)).toEqual(['Empfehlung', 'Fachmesse']);
    expect((await run(DELETE, { id: empfehlung })).__typename).toBe('DeleteSourceSuccess');
  });

  it('is changed by administrators only', async () => {
    const [source] = await t.prisma.source.findMany();
    const id = globalId('Source', source.id);
    await expectAdminOnly(t, org, readOnlyToken, CREATE, { name: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, RENAME, { id, name: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, SET_ACTIVE, { id, active: false });
    await expectAdminOnly(t, org, readOnlyToken, REORDER, { ids: [id] });
    await expectAdminOnly(t, org, readOnlyToken, DELETE, { id });
    expect(await t.prisma.source.findMany({ select: { name: true, active: true } })).toEqual([{ name: 'Fachmesse', active: true }]);
  });
});

describe('tags', () => {
  const CREATE = `mutation($name: String!, $color: String) { createTag(name: $name, color: $color) { __typename ... on CreateTagSuccess { tag { id name color } } ${ERRORS} } }`;
  const UPDATE = `mutation($id: ID!, $name: String, $color: String) { updateTag(id: $id, name: $name, color: $color) { __typename ... on UpdateTagSuccess { tag { name color } } ${ERRORS} } }`;
  const DELETE = `mutation($id: ID!) { deleteTag(id: $id) { __typename ... on DeleteTagSuccess { deletedId } ${ERRORS} } }`;

  it('creates tags with a #rrggbb colour (grey by default)', async () => {
    expect((await run(CREATE, { name: 'VIP', color: '#0EA5E9' })).tag).toMatchObject({ name: 'VIP', color: '#0ea5e9' });
    expect((await run(CREATE, { name: 'Rückruf' })).tag).toMatchObject({ name: 'Rückruf', color: '#64748b' });
    expect(reasons(await run(CREATE, { name: 'Rot', color: 'red' }))).toEqual({ color: 'INVALID_FORMAT' });
    expect(reasons(await run(CREATE, { name: 'Blau', color: '#abc' }))).toEqual({ color: 'INVALID_FORMAT' });
    expect(reasons(await run(CREATE, { name: 'vip', color: '#abcdef' }))).toEqual({ name: 'TAKEN' });
    expect(reasons(await run(CREATE, { name: 'x'.repeat(41) }))).toEqual({ name: 'TOO_LONG' });
    expect(await t.prisma.tag.count()).toBe(2);
  });

  it('renames a tag and changes its colour; omitted values stay', async () => {
    const tag = await t.prisma.tag.findUniqueOrThrow({ where: { name: 'VIP' } });
    const id = globalId('Tag', tag.id);
    expect((await run(UPDATE, { id, color: '#ff0000' })).tag).toEqual({ name: 'VIP', color: '#ff0000' });
    expect((await run(UPDATE, { id, name: 'Top-Kunde' })).tag).toEqual({ name: 'Top-Kunde', color: '#ff0000' });
    expect(reasons(await run(UPDATE, { id, color: 'blue' }))).toEqual({ color: 'INVALID_FORMAT' });
    expect(reasons(await run(UPDATE, { id, name: 'rückruf' }))).toEqual({ name: 'TAKEN' });
  });

  it('deletes an unused tag but not one on a record', async () => {
    const used = await t.prisma.tag.findUniqueOrThrow({ where: { name: 'Top-Kunde' } });
    const unused = await t.prisma.tag.findUniqueOrThrow({ where: { name: 'Rückruf' } });
    await t.prisma.contact.create({
      data: { firstName: 'Eva', lastName: 'Etikett', ownerId: org.northSales.id, teamId: org.north.id, tags: { create: { tagId: used.id } } },
    });
    const refused = await run(DELETE, { id: globalId('Tag', used.id) });
    expect(refused.fieldErrors).toEqual([{ field: 'id', reason: 'IN_USE', message: 'This tag is still used by 1 record.' }]);
    expect((await run(DELETE, { id: globalId('Tag', unused.id) })).__typename).toBe('DeleteTagSuccess');
    expect((await run('{ tags { name } }', {}, org.southSales.token)).map((tag: any) => tag.name)).toEqual(['Top-Kunde']);
  });

  it('is changed by administrators only', async () => {
    const tag = await t.prisma.tag.findFirstOrThrow();
    await expectAdminOnly(t, org, readOnlyToken, CREATE, { name: 'Fremd' });
    await expectAdminOnly(t, org, readOnlyToken, UPDATE, { id: globalId('Tag', tag.id), color: '#000000' });
    await expectAdminOnly(t, org, readOnlyToken, DELETE, { id: globalId('Tag', tag.id) });
    expect(await t.prisma.tag.findMany({ select: { name: true, color: true } })).toEqual([{ name: 'Top-Kunde', color: '#ff0000' }]);
  });
});
