import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateAccountInput!) {
    createAccount(input: $input) {
      __typename
      ... on CreateAccountSuccess { account { id name email website owner { name } team { name } status { key } tags { name } } }
      ... on ValidationError { fieldErrors { field reason message } }
      ... on DuplicateAccountError { matchedOn existing { id name } }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateAccountInput!) {
    updateAccount(id: $id, input: $input) {
      __typename
      ... on UpdateAccountSuccess { account { id name phone } }
      ... on ValidationError { fieldErrors { field reason } }
    }
  }
`;

async function accountCount() {
  return t.prisma.account.count();
}

async function createAs(token: string, input: Record<string, unknown>) {
  const response = await t.graphql(CREATE, { input }, token);
  expect(response.errors).toBeUndefined();
  return response.data.createAccount;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});

afterAll(async () => {
  await t.close();
});

describe('createAccount', () => {
  it('creates an account owned by the viewer in their team', async () => {
    const result = await createAs(org.northSales.token, {
      name: 'Müller Maschinenbau GmbH',
      email: 'Info@Mueller-Maschinenbau.example',
      website: 'mueller-maschinenbau.example',
      address: { street: 'Hafenstraße 4', postalCode: '20457', city: 'Hamburg' },
    });
    expect(result.__typename).toBe('CreateAccountSuccess');
    expect(result.account).toMatchObject({
      name: 'Müller Maschinenbau GmbH',
      email: 'info@mueller-maschinenbau.example',
      website: 'https://mueller-maschinenbau.example',
      owner: { name: 'Nils Sales' },
      team: { name: 'North' },
      status: { key: 'PROSPECT' },
    });
  });

  it('returns field errors and writes nothing for bad input', async () => {
    const before = await accountCount();
    const result = await createAs(org.northSales.token, {
      name: 'x'.repeat(201),
      email: 'not-an-e-mail',
      phone: 'call me',
      employees: -3,
      address: { country: 'Germany' },
    });
    expect(result.__typename).toBe('ValidationError');
    const reasons = Object.fromEntries(result.fieldErrors.map((error: any) => [error.field, error.reason]));
    expect(reasons).toMatchObject({
      name: 'TOO_LONG',
      email: 'INVALID_EMAIL',
      phone: 'INVALID_FORMAT',
      employees: 'TOO_SMALL',
      'address.country': 'INVALID_FORMAT',
    });
    expect(await accountCount()).toBe(before);
  });

  it('rejects a blank name as required', async () => {
    const result = await createAs(org.northSales.token, { name: '   ' });
    expect(result.fieldErrors).toEqual([expect.objectContaining({ field: 'name', reason: 'REQUIRED' })]);
  });

  it('rejects malformed and foreign ids as typed field errors', async () => {
    const before = await accountCount();
    const result = await createAs(org.northSales.token, {
      name: 'Id Test AG',
      ownerId: 'definitely-not-an-id',
      tagIds: [globalId('Account', '00000000-0000-0000-0000-000000000000')],
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual([
      expect.objectContaining({ field: 'ownerId', reason: 'INVALID_ID' }),
      expect.objectContaining({ field: 'tagIds.0', reason: 'INVALID_ID' }),
    ]);
    expect(await accountCount()).toBe(before);
  });

  it('rejects values of the wrong GraphQL type before running anything', async () => {
    const response = await t.graphql(CREATE, { input: { name: 'Typed GmbH', employees: 'many' } }, org.northSales.token);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('warns about a duplicate by normalised name and postcode, and creates it when overridden', async () => {
    const first = await createAs(org.northManager.token, { name: 'Schulz Logistik KG', address: { postalCode: '28195' } });
    expect(first.__typename).toBe('CreateAccountSuccess');
    const duplicate = await createAs(org.northManager.token, { name: 'SCHULZ LOGISTIK', address: { postalCode: '28195' } });
    expect(duplicate.__typename).toBe('DuplicateAccountError');
    expect(duplicate.matchedOn).toBe('name and postcode');
    expect(duplicate.existing).toEqual([{ id: first.account.id, name: 'Schulz Logistik KG' }]);
    const overridden = await createAs(org.northManager.token, {
      name: 'SCHULZ LOGISTIK',
      address: { postalCode: '28195' },
      allowDuplicate: true,
    });
    expect(overridden.__typename).toBe('CreateAccountSuccess');
  });

  it('warns about a duplicate e-mail', async () => {
    await createAs(org.northManager.token, { name: 'Alpha Energie SE', email: 'kontakt@alpha-energie.example' });
    const duplicate = await createAs(org.northManager.token, { name: 'Alpha Power', email: 'KONTAKT@alpha-energie.example' });
    expect(duplicate.__typename).toBe('DuplicateAccountError');
    expect(duplicate.matchedOn).toBe('e-mail');
  });

  it("does not reveal another team's account through the duplicate check", async () => {
    await createAs(org.southSales.token, { name: 'Geheim Chemie AG', address: { postalCode: '80331' } });
    const result = await createAs(org.northSales.token, { name: 'Geheim Chemie AG', address: { postalCode: '80331' } });
    expect(result.__typename).toBe('CreateAccountSuccess');
  });

  it('lets SALES own only their own accounts and MANAGERS place them only in their teams', async () => {
    const salesForColleague = await createAs(org.northSales.token, {
      name: 'Fremd GmbH',
      ownerId: globalId('User', org.northSales2.id),
    });
    expect(salesForColleague.fieldErrors).toEqual([expect.objectContaining({ field: 'ownerId', reason: 'NOT_ALLOWED' })]);
    const managerIntoSouth = await createAs(org.northManager.token, {
      name: 'Süd Handel GmbH',
      ownerId: globalId('User', org.southSales.id),
    });
    expect(managerIntoSouth.__typename).toBe('ValidationError');
    const managerForTeamMember = await createAs(org.northManager.token, {
      name: 'Nord Handel GmbH',
      ownerId: globalId('User', org.northSales2.id),
    });
    expect(managerForTeamMember.account.owner.name).toBe('Nina Sales');
  });
});

describe('access', () => {
  let southAccountId: string;
  let northAccountOfNils: string;

  beforeAll(async () => {
    southAccountId = (await createAs(org.southSales.token, { name: 'Bayern Brau AG' })).account.id;
    northAccountOfNils = (await createAs(org.northSales.token, { name: 'Kiel Werft GmbH' })).account.id;
  });

  it('refuses every call without credentials as UNAUTHENTICATED', async () => {
    const list = await t.graphql('{ accounts { totalCount } }');
    expect(list.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const create = await t.graphql(CREATE, { input: { name: 'Anonymous GmbH' } });
    expect(create.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const badToken = await t.graphql('{ accounts { totalCount } }', {}, 'crm_s_forged');
    expect(badToken.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("hides another team's account: null on read, absent from lists, NOT_FOUND on write", async () => {
    const read = await t.graphql('query($id: ID!) { account(id: $id) { name } node(id: $id) { id } }', { id: southAccountId }, org.northSales.token);
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ account: null, node: null });

    const list = await t.graphql('{ accounts(search: "Bayern") { totalCount edges { node { id } } } }', {}, org.northSales.token);
    expect(list.data.accounts).toEqual({ totalCount: 0, edges: [] });

    const update = await t.graphql(UPDATE, { id: southAccountId, input: { phone: '+49 40 123456' } }, org.northSales.token);
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const missing = await t.graphql(UPDATE, { id: globalId('Account', '0190a5d2-0000-7000-8000-000000000000'), input: { phone: '+49 40 1' } }, org.northSales.token);
    expect(missing.errors?.[0]).toMatchObject({ message: update.errors?.[0].message, extensions: { code: 'NOT_FOUND' } });

    const stored = await t.prisma.account.findFirstOrThrow({ where: { name: 'Bayern Brau AG' } });
    expect(stored.phone).toBeNull();
  });

  it("lets SALES read but not change a teammate's account", async () => {
    const read = await t.graphql('query($id: ID!) { account(id: $id) { name viewerCanEdit } }', { id: northAccountOfNils }, org.northSales2.token);
    expect(read.data.account).toEqual({ name: 'Kiel Werft GmbH', viewerCanEdit: false });
    const update = await t.graphql(UPDATE, { id: northAccountOfNils, input: { name: 'Hijacked' } }, org.northSales2.token);
    expect(update.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.prisma.account.findFirst({ where: { name: 'Hijacked' } }))).toBeNull();
  });

  it("lets a MANAGER change their team's accounts but not another team's", async () => {
    const own = await t.graphql(UPDATE, { id: northAccountOfNils, input: { phone: '+49 431 99887' } }, org.northManager.token);
    expect(own.data.updateAccount).toMatchObject({ __typename: 'UpdateAccountSuccess', account: { phone: '+49 431 99887' } });
    const other = await t.graphql(UPDATE, { id: southAccountId, input: { phone: '+49 89 1' } }, org.northManager.token);
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets SERVICE read every account but create or change none', async () => {
    const list = await t.graphql('{ accounts { totalCount } }', {}, org.service.token);
    expect(list.data.accounts.totalCount).toBe(await accountCount());
    const create = await t.graphql(CREATE, { input: { name: 'Service GmbH' } }, org.service.token);
    expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const update = await t.graphql(UPDATE, { id: southAccountId, input: { phone: '+49 1' } }, org.service.token);
    expect(update.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets ADMIN change any account and delete it', async () => {
    const update = await t.graphql(UPDATE, { id: southAccountId, input: { name: 'Bayern Bräu AG' } }, org.admin.token);
    expect(update.data.updateAccount.account.name).toBe('Bayern Bräu AG');
    const removed = await t.graphql(
      'mutation($id: ID!) { deleteAccount(id: $id) { __typename ... on DeleteAccountSuccess { deletedId } } }',
      { id: southAccountId },
      org.admin.token,
    );
    expect(removed.data.deleteAccount.deletedId).toBe(southAccountId);
    expect(await t.prisma.account.findFirst({ where: { name: 'Bayern Bräu AG' } })).toBeNull();
  });

  it('rejects a malformed id on read as a typed error', async () => {
    const response = await t.graphql('{ account(id: "%%%") { name } }', {}, org.admin.token);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [expect.objectContaining({ field: 'id', reason: 'INVALID_ID' })],
    });
  });
});

describe('accounts connection', () => {
  const PAGE = /* GraphQL */ `
    query Page($first: Int, $after: String, $search: String, $orderBy: AccountOrder, $filter: CustomerListFilter) {
      accounts(first: $first, after: $after, search: $search, orderBy: $orderBy, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id name address { city } owner { name teams { name } } team { name } status { label } tags { name } contacts(first: 3) { totalCount edges { node { fullName } } } } }
      }
    }
  `;

  beforeAll(async () => {
    const team = await t.prisma.team.create({ data: { name: 'Paging' } });
    const owner = await t.prisma.user.create({
      data: { email: 'pager@test.example', name: 'Pia Pager', role: 'SALES', passwordHash: 'x', memberships: { create: { teamId: team.id } } },
    });
    const tag = await t.prisma.tag.create({ data: { name: 'Paging' } });
    for (let index = 0; index < 45; index += 1) {
      const name = `Paging ${String(index).padStart(2, '0')} GmbH`;
      await t.prisma.account.create({
        data: {
          name,
          normalizedName: `paging${index}`,
          city: index % 2 ? 'Bremen' : 'Hannover',
          ownerId: owner.id,
          teamId: team.id,
          tags: { create: { tagId: tag.id } },
          contacts: { create: [{ firstName: 'Eva', lastName: `Kontakt ${index}`, ownerId: owner.id, teamId: team.id }] },
        },
      });
    }
  });

  it('pages with cursors in a stable order and counts the total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: any = await t.graphql(PAGE, { first: 20, after, search: 'Paging' }, org.admin.token);
      expect(response.errors).toBeUndefined();
      expect(response.data.accounts.totalCount).toBe(45);
      seen.push(...response.data.accounts.edges.map((edge: any) => edge.node.name));
      after = response.data.accounts.pageInfo.hasNextPage ? response.data.accounts.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(45);
  });

  it('filters by search terms, tags and sorts descending', async () => {
    const response = await t.graphql(
      PAGE,
      { first: 5, search: 'paging bremen', orderBy: { field: 'NAME', direction: 'DESC' } },
      org.admin.token,
    );
    expect(response.data.accounts.totalCount).toBe(22);
    expect(response.data.accounts.edges[0].node.name).toBe('Paging 43 GmbH');
  });

  it('costs the same number of SQL statements for 5 and for 45 accounts', async () => {
    const small = await countStatements(t.db, () => t.graphql(PAGE, { first: 5, search: 'Paging' }, org.admin.token));
    const large = await countStatements(t.db, () => t.graphql(PAGE, { first: 45, search: 'Paging' }, org.admin.token));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data.accounts.edges).toHaveLength(45);
    expect(large.statements.length).toBe(small.statements.length);
    // Authentication, the page, its count and one batch per relation on the page.
    expect(large.statements.length).toBeLessThanOrEqual(14);
  });
});
