import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, TEST_PASSWORD, type Organisation } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on LoginPayload { token expiresAt user { name role teams { name } } }
      ... on ValidationError { fieldErrors { field reason message limit } }
    }
  }
`;
const ME = '{ me { name email role } }';

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});
afterAll(() => t.close());

describe('login', () => {
  it('starts a session whose token authenticates later requests', async () => {
    const response = await t.graphql(LOGIN, { email: ' Nils.Sales@TEST.example ', password: TEST_PASSWORD });
    const login = response.data.login;
    expect(login).toMatchObject({ __typename: 'LoginPayload', user: { name: 'Nils Sales', role: 'SALES', teams: [{ name: 'North' }] } });
    expect(login.token).toMatch(/^crm_s_/);
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const me = await t.graphql(ME, {}, login.token);
    expect(me.data.me).toEqual({ name: 'Nils Sales', email: 'nils.sales@test.example', role: 'SALES' });
    const stored = await t.prisma.session.findMany({ where: { userId: org.northSales.id } });
    expect(stored.map((session) => session.tokenHash)).not.toContain(login.token);
  });

  it('gives the same field error for a wrong password and an unknown e-mail', async () => {
    const wrongPassword = await t.graphql(LOGIN, { email: 'nils.sales@test.example', password: 'nope' });
    const unknownUser = await t.graphql(LOGIN, { email: 'nobody@test.example', password: 'nope' });
    const expected = {
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'password', reason: 'INVALID_CREDENTIALS', limit: null, message: 'E-mail or password is wrong.' }],
    };
    expect(wrongPassword.data.login).toEqual(expected);
    expect(unknownUser.data.login).toEqual(expected);
  });

  it('refuses a deactivated user', async () => {
    await t.prisma.user.update({ where: { id: org.service.id }, data: { active: false } });
    try {
      const response = await t.graphql(LOGIN, { email: org.service.email, password: TEST_PASSWORD });
      expect(response.data.login.__typename).toBe('ValidationError');
      expect((await t.graphql(ME, {}, org.service.token)).data.me).toBeNull();
    } finally {
      await t.prisma.user.update({ where: { id: org.service.id }, data: { active: true } });
    }
  });

  it('rejects an over-long e-mail with a field error that names the limit', async () => {
    const response = await t.graphql(LOGIN, { email: `${'a'.repeat(250)}@x.de`, password: 'x' });
    expect(response.data.login.fieldErrors).toEqual([expect.objectContaining({ field: 'email', reason: 'TOO_LONG', limit: 254 })]);
  });

  it('names no limit where the reason has none', async () => {
    const response = await t.graphql(LOGIN, { email: ' ', password: 'x' });
    expect(response.data.login.fieldErrors).toEqual([{ field: 'email', reason: 'REQUIRED', message: 'Enter your e-mail address.', limit: null }]);
  });
});

describe('me and logout', () => {
  it('returns null for me without or with unknown credentials', async () => {
    expect((await t.graphql(ME)).data.me).toBeNull();
    expect((await t.graphql(ME, {}, 'crm_s_unknown')).data.me).toBeNull();
    expect((await t.graphql(ME, {}, 'garbage')).data.me).toBeNull();
  });

  it('ends only the session it is called with', async () => {
    const first = (await t.graphql(LOGIN, { email: org.northManager.email, password: TEST_PASSWORD })).data.login.token;
    const second = (await t.graphql(LOGIN, { email: org.northManager.email, password: TEST_PASSWORD })).data.login.token;
    expect((await t.graphql('mutation { logout }', {}, first)).data.logout).toBe(true);
    expect((await t.graphql(ME, {}, first)).data.me).toBeNull();
    expect((await t.graphql(ME, {}, second)).data.me.name).toBe('Nora Manager');
  });

  it('refuses logout without credentials as UNAUTHENTICATED', async () => {
    const response = await t.graphql('mutation { logout }');
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('treats an expired session as no credentials', async () => {
    const token = (await t.graphql(LOGIN, { email: org.southSales.email, password: TEST_PASSWORD })).data.login.token;
    await t.prisma.session.updateMany({ where: { userId: org.southSales.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.graphql(ME, {}, token)).data.me).toBeNull();
    expect((await t.graphql('{ accounts { totalCount } }', {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
