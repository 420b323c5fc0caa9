import { GraphQLEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlyAdminToken } from '../../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount, insertOpportunity, insertPipeline } from '../../test/sales-fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../../test/test-app.ts';
import { schema } from '../index.ts';
import { sortKeyOf, sortNameOf } from './saved-view.ts';

let t: TestApp;
let org: Organisation;
let readOnly: string;

const VIEW = 'id list name filters sort { field direction } columns position';
const CREATE = `mutation($input: CreateSavedViewInput!) { createSavedView(input: $input) { __typename
  ... on CreateSavedViewSuccess { savedView { ${VIEW} } } ... on ValidationError { fieldErrors { field reason } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { __typename
  ... on UpdateSavedViewSuccess { savedView { ${VIEW} } } ... on ValidationError { fieldErrors { field reason } } } }`;
const DELETE = `mutation($id: ID!) { deleteSavedView(id: $id) { __typename ... on DeleteSavedViewSuccess { deletedId } } }`;
const REORDER = `mutation($list: SavedViewList!, $ids: [ID!]!) { reorderSavedViews(list: $list, ids: $ids) { __typename
  ... on ReorderSavedViewsSuccess { savedViews { name position } } ... on ValidationError { fieldErrors { field reason } } } }`;
const LIST = `query($list: SavedViewList!) { savedViews(list: $list) { ${VIEW} } }`;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  readOnly = await readOnlyAdminToken(t, org);
});
afterAll(() => t.close());

describe('saved views through the API', () => {
  it('saves a view of won deals whose filter the list query takes back as it is (shareable as it stands)', async () => {
    const pipeline = await insertPipeline(t.prisma, { name: 'Projekte' });
    const account = await insertAccount(t.prisma, org.northSales, org.north.id, { name: 'Hafen Logistik GmbH' });
    const won = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, pipeline, accountId: account.id, title: 'Kranbahn', status: 'WON' });
    await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, pipeline, accountId: account.id, title: 'Offen' });
    const filter = { statuses: ['WON'], pipelineIds: [globalId('Pipeline', pipeline.id)], closeDateFrom: '2027-01-01', search: 'kran' };
    const created = await t.graphql(
      CREATE,
      { input: { list: 'OPPORTUNITIES', name: 'Gewonnen', filters: { opportunities: filter }, sort: { field: 'EXPECTED_CLOSE_DATE', direction: 'DESC' }, columns: ['title', 'amount'] } },
      org.northSales.token,
    );
    const view = created.data.createSavedView.savedView;
    expect(view).toMatchObject({ list: 'OPPORTUNITIES', name: 'Gewonnen', filters: filter, sort: { field: 'EXPECTED_CLOSE_DATE', direction: 'DESC' }, columns: ['title', 'amount'] });

    const found = await t.graphql(
      'query($filter: OpportunityFilter, $orderBy: OpportunityOrder) { opportunities(filter: $filter, orderBy: $orderBy) { edges { node { id title } } } }',
      { filter: view.filters, orderBy: view.sort },
      org.northSales.token,
    );
    expect(found.data.opportunities.edges).toEqual([{ node: { id: globalId('Opportunity', won.id), title: 'Kranbahn' } }]);
  });

  it('updates, reorders and deletes, with field errors for bad input', async () => {
    const make = async (name: string) =>
      (await t.graphql(CREATE, { input: { list: 'ACCOUNTS', name, filters: { customers: { search: name, tagIds: [] } } } }, org.northManager.token)).data
        .createSavedView.savedView;
    const [a, b] = [await make('Hamburg'), await make('Bremen')];
    const updated = await t.graphql(UPDATE, { id: a.id, input: { name: 'Hamburg Kunden', sort: { field: 'CITY' } } }, org.northManager.token);
    expect(updated.data.updateSavedView.savedView).toMatchObject({ name: 'Hamburg Kunden', filters: { search: 'Hamburg', tagIds: [] }, sort: { field: 'CITY', direction: 'ASC' } });
    const cleared = await t.graphql(UPDATE, { id: a.id, input: { sort: null } }, org.northManager.token);
    expect(cleared.data.updateSavedView.savedView.sort).toBeNull();

    for (const [input, expected] of [
      [{ name: 'Bremen' }, [{ field: 'name', reason: 'TAKEN' }]],
      [{ sort: { field: 'AMOUNT' } }, [{ field: 'sort.field', reason: 'INVALID_VALUE' }]],
      [{ filters: { opportunities: { mine: true } } }, [{ field: 'filters', reason: 'WRONG_LIST' }]],
      [{ filters: { customers: {}, activities: {} } }, [{ field: 'filters', reason: 'ONE_OF' }]],
      [{ filters: { customers: { country: 'Deutschland' } } }, [{ field: 'filters.country', reason: 'TOO_LONG' }]],
    ] as const) {
      const response = await t.graphql(UPDATE, { id: a.id, input }, org.northManager.token);
      const result = response.data?.updateSavedView ?? { __typename: 'error', fieldErrors: response.errors?.[0].extensions?.fieldErrors };
      expect(result.fieldErrors?.map((error: any) => ({ field: error.field, reason: error.reason })), JSON.stringify(input)).toEqual(expected);
    }
    const badId = await t.graphql(CREATE, { input: { list: 'ACCOUNTS', name: 'Ids', filters: { customers: { ownerIds: ['nope'] } } } }, org.northManager.token);
    expect(badId.data.createSavedView).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'filters.customers.ownerIds.0', reason: 'INVALID_ID' }] });

    const reordered = await t.graphql(REORDER, { list: 'ACCOUNTS', ids: [b.id, a.id] }, org.northManager.token);
    expect(reordered.data.reorderSavedViews.savedViews).toEqual([{ name: 'Bremen', position: 0 }, { name: 'Hamburg Kunden', position: 1 }]);
    expect((await t.graphql(DELETE, { id: b.id }, org.northManager.token)).data.deleteSavedView.deletedId).toBe(b.id);
    expect((await t.graphql(LIST, { list: 'ACCOUNTS' }, org.northManager.token)).data.savedViews.map((view: any) => view.name)).toEqual(['Hamburg Kunden']);
  });

  it("hides other users' views and refuses read-only tokens and anonymous callers", async () => {
    const mine = (await t.graphql(CREATE, { input: { list: 'CONTACTS', name: 'Privat' } }, org.northSales2.token)).data.createSavedView.savedView;
    const peek = await t.graphql('query($id: ID!) { node(id: $id) { id } }', { id: mine.id }, org.northManager.token);
    expect(peek.data.node).toBeNull();
    expect((await t.graphql(LIST, { list: 'CONTACTS' }, org.northManager.token)).data.savedViews).toEqual([]);
    expect((await t.graphql(UPDATE, { id: mine.id, input: { name: 'Meins' } }, org.admin.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.graphql(DELETE, { id: mine.id }, org.northManager.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    for (const [mutation, variables] of [
      [CREATE, { input: { list: 'CONTACTS', name: 'Token' } }],
      [UPDATE, { id: mine.id, input: { name: 'Token' } }],
      [DELETE, { id: mine.id }],
      [REORDER, { list: 'CONTACTS', ids: [mine.id] }],
    ] as const) {
      const response = await t.graphql(mutation, variables, readOnly);
      expect(response.errors?.[0].extensions?.code, mutation.slice(0, 30)).toBe('FORBIDDEN');
      expect((await t.graphql(mutation, variables)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await t.graphql(LIST, { list: 'CONTACTS' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const service = await t.graphql(CREATE, { input: { list: 'OPPORTUNITIES', name: 'Service' } }, org.service.token);
    expect(service.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await t.prisma.savedView.count({ where: { name: { in: ['Token', 'Service'] } } })).toBe(0);
  });

  it('lists the views in a constant number of statements', async () => {
    const measure = async () => {
      const { result, statements } = await countStatements(t.db, () => t.graphql(LIST, { list: 'ACTIVITIES' }, org.northSales.token));
      expect(result.errors).toBeUndefined();
      return { count: result.data.savedViews.length, statements: statements.length };
    };
    await t.graphql(CREATE, { input: { list: 'ACTIVITIES', name: 'Erste', filters: { activities: { mine: true, dueFrom: '2027-01-04T00:00:00.000Z' } } } }, org.northSales.token);
    const few = await measure();
    for (let index = 0; index < 15; index += 1) {
      await t.graphql(CREATE, { input: { list: 'ACTIVITIES', name: `Ansicht ${index}`, filters: { activities: { assigneeIds: [globalId('User', org.northSales.id)] } } } }, org.northSales.token);
    }
    const many = await measure();
    expect(many.count).toBe(16);
    expect(many.statements).toBe(few.statements);
  });

  it('maps the sort keys of every list by name (EXPECTED_CLOSE_DATE is expectedCloseDate)', () => {
    for (const name of ['OpportunitySortField', 'AccountSortField', 'ContactSortField', 'ActivitySortField']) {
      const type = schema.getType(name) as GraphQLEnumType;
      for (const value of type.getValues()) {
        expect(sortKeyOf(value.name), `${name}.${value.name}`).toBe(value.value);
        expect(sortNameOf(value.value as string)).toBe(value.name);
      }
    }
  });
});
