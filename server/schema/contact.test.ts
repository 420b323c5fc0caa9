import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let northAccountId: string;
let southAccountId: string;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateContactInput!) {
    createContact(input: $input) {
      __typename
      ... on CreateContactSuccess { contact { id fullName email birthday account { name } owner { name } team { name } tags { name } } }
      ... on ValidationError { fieldErrors { field reason } }
      ... on DuplicateContactError { matchedOn existing { id fullName } }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateContactInput!) {
    updateContact(id: $id, input: $input) {
      __typename
      ... on UpdateContactSuccess { contact { id fullName jobTitle account { name } } }
      ... on ValidationError { fieldErrors { field reason } }
      ... on DuplicateContactError { matchedOn }
    }
  }
`;

async function create(token: string, input: Record<string, unknown>) {
  const response = await t.graphql(CREATE, { input }, token);
  if (response.errors) return { errors: response.errors };
  return response.data.createContact;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  const account = (name: string, owner: { id: string }, teamId: string) =>
    t.prisma.account.create({ data: { name, normalizedName: name.toLowerCase(), statusKey: 'CUSTOMER', ownerId: owner.id, teamId } });
  northAccountId = (await account('Nordwind GmbH', org.northSales, org.north.id)).id;
  southAccountId = (await account('Südhang AG', org.southSales, org.south.id)).id;
});
afterAll(() => t.close());

describe('createContact', () => {
  it('creates a contact at an account in the account’s team', async () => {
    const tag = await t.prisma.tag.create({ data: { name: 'Entscheider' } });
    const created = await create(org.northSales2.token, {
      accountId: globalId('Account', northAccountId),
      salutation: 'Frau',
      firstName: 'Greta',
      lastName: 'Hansen',
      email: 'Greta.Hansen@Nordwind.example',
      birthday: '1980-02-29',
      tagIds: [globalId('Tag', tag.id)],
    });
    expect(created).toMatchObject({
      __typename: 'CreateContactSuccess',
      contact: {
        fullName: 'Greta Hansen',
        email: 'greta.hansen@nordwind.example',
        birthday: '1980-02-29',
        account: { name: 'Nordwind GmbH' },
        owner: { name: 'Nina Sales' },
        team: { name: 'North' },
        tags: [{ name: 'Entscheider' }],
      },
    });
  });

  it('returns every field error at once and writes nothing', async () => {
    const before = await t.prisma.contact.count();
    const result = await create(org.northSales.token, {
      firstName: '',
      lastName: 'x'.repeat(200),
      email: 'not-an-email',
      birthday: '1980-13-01',
      accountId: 'garbage',
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors.map((error: { field: string }) => error.field).sort()).toEqual(
      ['accountId', 'birthday', 'email', 'firstName', 'lastName'].sort(),
    );
    expect(await t.prisma.contact.count()).toBe(before);
  });

  it('does not attach a contact to another team’s account, nor reveal that it exists', async () => {
    const result = await create(org.northSales.token, { firstName: 'Ole', lastName: 'Berg', accountId: globalId('Account', southAccountId) });
    expect(result).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'accountId', reason: 'NOT_FOUND' }] });
  });

  it('warns about the same name at the same account and the same e-mail, overridable', async () => {
    const first = await create(org.northSales.token, { firstName: 'Jan', lastName: 'Petersen', accountId: globalId('Account', northAccountId) });
    expect(first.__typename).toBe('CreateContactSuccess');
    const sameName = await create(org.northSales.token, { firstName: 'JAN', lastName: 'petersen', accountId: globalId('Account', northAccountId) });
    expect(sameName).toEqual({ __typename: 'DuplicateContactError', matchedOn: 'name at this account', existing: [{ id: first.contact.id, fullName: 'Jan Petersen' }] });
    const sameEmail = await create(org.northSales.token, { firstName: 'Greta', lastName: 'Jansen', email: 'greta.hansen@nordwind.example' });
    expect(sameEmail.matchedOn).toBe('e-mail');
    const forced = await create(org.northSales.token, {
      firstName: 'Jan',
      lastName: 'Petersen',
      accountId: globalId('Account', northAccountId),
      allowDuplicate: true,
    });
    expect(forced.__typename).toBe('CreateContactSuccess');
  });

  it('keeps SERVICE and read-only callers from creating contacts', async () => {
    const service = await create(org.service.token, { firstName: 'Sam', lastName: 'Service' });
    expect(service.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await create('', { firstName: 'No', lastName: 'Body' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateContact and deleteContact', () => {
  it('lets the owner change a contact and a teammate only read it', async () => {
    const created = await create(org.northSales.token, { firstName: 'Mia', lastName: 'Lund' });
    const updated = await t.graphql(UPDATE, { id: created.contact.id, input: { jobTitle: 'Einkauf', accountId: globalId('Account', northAccountId) } }, org.northSales.token);
    expect(updated.data.updateContact.contact).toMatchObject({ jobTitle: 'Einkauf', account: { name: 'Nordwind GmbH' } });
    const teammate = await t.graphql(UPDATE, { id: created.contact.id, input: { jobTitle: 'CEO' } }, org.northSales2.token);
    expect(teammate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherTeam = await t.graphql(UPDATE, { id: created.contact.id, input: { jobTitle: 'CEO' } }, org.southManager.token);
    expect(otherTeam.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const readable = await t.graphql('query($id: ID!) { contact(id: $id) { jobTitle } }', { id: created.contact.id }, org.southManager.token);
    expect(readable.data.contact).toBeNull();
    const stored = await t.prisma.contact.findFirstOrThrow({ where: { firstName: 'Mia', lastName: 'Lund' } });
    expect(stored.jobTitle).toBe('Einkauf');
  });

  it('lets the team’s manager delete a contact, which keeps its account', async () => {
    const created = await create(org.northSales.token, { firstName: 'Tove', lastName: 'Ek', accountId: globalId('Account', northAccountId) });
    const deleted = await t.graphql('mutation($id: ID!) { deleteContact(id: $id) { __typename ... on DeleteContactSuccess { deletedId } } }', { id: created.contact.id }, org.northManager.token);
    expect(deleted.data.deleteContact).toEqual({ __typename: 'DeleteContactSuccess', deletedId: created.contact.id });
    expect(await t.prisma.account.count({ where: { id: northAccountId } })).toBe(1);
  });
});

describe('contacts connection', () => {
  it('lists an account’s contacts without N+1 and hides other teams’ contacts', async () => {
    await t.prisma.contact.create({ data: { firstName: 'Sune', lastName: 'Sør', statusKey: 'CUSTOMER', ownerId: org.southSales.id, teamId: org.south.id, accountId: southAccountId } });
    const query = `query($accountId: ID) { contacts(accountId: $accountId, first: 50) { totalCount edges { node { fullName account { name } owner { name } team { name } tags { name } } } } }`;
    const north = await t.graphql(query, {}, org.northSales.token);
    expect(north.data.contacts.edges.map((edge: any) => edge.node.fullName)).not.toContain('Sune Sør');
    const south = await t.graphql(query, { accountId: globalId('Account', southAccountId) }, org.southSales.token);
    expect(south.data.contacts.totalCount).toBe(1);

    const small = await countStatements(t.db, () => t.graphql(query, {}, org.admin.token));
    await t.prisma.contact.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({ firstName: `Bulk${index}`, lastName: 'Kontakt', statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id, accountId: northAccountId })),
    });
    const large = await countStatements(t.db, () => t.graphql(query, {}, org.admin.token));
    expect(large.result.data.contacts.edges.length).toBeGreaterThan(small.result.data.contacts.edges.length + 20);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('searches names, e-mail and account name', async () => {
    const search = async (term: string) =>
      (await t.graphql('query($s: String) { contacts(search: $s) { edges { node { fullName } } } }', { s: term }, org.northManager.token)).data.contacts.edges.map((edge: any) => edge.node.fullName);
    expect(await search('hansen')).toEqual(['Greta Hansen']);
    expect(await search('nordwind greta')).toEqual(['Greta Hansen']);
  });
});
