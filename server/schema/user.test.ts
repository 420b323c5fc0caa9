import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAdminOnly, readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

const SET_LOCALE = `mutation($locale: Locale) { updateMyPreferences(input: { locale: $locale }) { name locale } }`;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});
afterAll(() => t.close());

describe('preferences', () => {
  it('lets users choose their own language, shown only to themselves', async () => {
    expect((await t.graphql('{ me { locale } }', {}, org.northSales.token)).data.me.locale).toBeNull();
    const saved = await t.graphql(SET_LOCALE, { locale: 'DE' }, org.northSales.token);
    expect(saved.data.updateMyPreferences).toEqual({ name: 'Nils Sales', locale: 'DE' });
    expect((await t.graphql('{ me { locale } }', {}, org.northSales.token)).data.me.locale).toBe('DE');

    const seenByColleague = await t.graphql('query($id: ID!) { node(id: $id) { ... on User { name locale } } }', {
      id: globalId('User', org.northSales.id),
    }, org.northManager.token);
    expect(seenByColleague.data.node).toEqual({ name: 'Nils Sales', locale: null });

    const reset = await t.graphql(SET_LOCALE, { locale: null }, org.northSales.token);
    expect(reset.data.updateMyPreferences.locale).toBeNull();
  });

  it('refuses unknown languages, anonymous callers and read-only tokens', async () => {
    const unknown = await t.graphql(SET_LOCALE, { locale: 'FR' }, org.northSales.token);
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.graphql(SET_LOCALE, { locale: 'EN' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const readOnly = await t.graphql(SET_LOCALE, { locale: 'EN' }, await readOnlyAdminToken(t, org));
    expect(readOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: org.admin.id } })).locale).toBeNull();
  });
});

describe('teams', () => {
  it('have a type; SALES unless set otherwise', async () => {
    await t.prisma.team.create({ data: { name: 'Service desk', type: 'SERVICE' } });
    const teams = await t.graphql('{ teams { name type } }', {}, org.northSales.token);
    expect(teams.data.teams).toEqual([
      { name: 'North', type: 'SALES' },
      { name: 'Service desk', type: 'SERVICE' },
      { name: 'South', type: 'SALES' },
    ]);
  });
});

const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on CreateUserSuccess { user { id name email role active teams { name } } }
    ... on ValidationError { fieldErrors { field reason } }
  }
}`;
const UPDATE_USER = `mutation($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) {
    __typename
    ... on UpdateUserSuccess { user { name role active teams { name } } }
    ... on ValidationError { fieldErrors { field reason } }
  }
}`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename ... on LoginPayload { token } } }`;

describe('user administration', () => {
  it('lets an administrator create a user who can then sign in', async () => {
    const created = await t.graphql(
      CREATE_USER,
      { input: { name: 'Greta Neu', email: ' Greta.Neu@Test.example ', role: 'SALES', teamIds: [globalId('Team', org.south.id)], initialPassword: 'a long enough secret' } },
      org.admin.token,
    );
    expect(created.data.createUser).toMatchObject({
      __typename: 'CreateUserSuccess',
      user: { name: 'Greta Neu', email: 'greta.neu@test.example', role: 'SALES', active: true, teams: [{ name: 'South' }] },
    });
    const login = await t.graphql(LOGIN, { email: 'greta.neu@test.example', password: 'a long enough secret' });
    expect(login.data.login.__typename).toBe('LoginPayload');
  });

  it('reports every field error at once and refuses a taken e-mail', async () => {
    const invalid = await t.graphql(
      CREATE_USER,
      { input: { name: '\u200b\u200b', email: 'not-an-email', role: 'SALES', teamIds: ['bogus'], initialPassword: 'short' } },
      org.admin.token,
    );
    expect(invalid.data.createUser.fieldErrors).toEqual([
      { field: 'name', reason: 'REQUIRED' },
      { field: 'email', reason: 'INVALID_EMAIL' },
      { field: 'teamIds.0', reason: 'INVALID_ID' },
      { field: 'initialPassword', reason: 'TOO_SHORT' },
    ]);
    const taken = await t.graphql(
      CREATE_USER,
      { input: { name: 'Nils Again', email: 'NILS.SALES@test.example', role: 'SALES', initialPassword: 'a long enough secret' } },
      org.admin.token,
    );
    expect(taken.data.createUser.fieldErrors).toEqual([{ field: 'email', reason: 'TAKEN' }]);
  });

  it('lets managers manage sales and service users of their own teams only', async () => {
    const north = globalId('Team', org.north.id);
    const south = globalId('Team', org.south.id);
    const own = await t.graphql(
      CREATE_USER,
      { input: { name: 'Nele Neu', email: 'nele@test.example', role: 'SALES', teamIds: [north], initialPassword: 'a long enough secret' } },
      org.northManager.token,
    );
    expect(own.data.createUser.__typename).toBe('CreateUserSuccess');
    const foreignTeam = await t.graphql(
      CREATE_USER,
      { input: { name: 'Sepp Neu', email: 'sepp@test.example', role: 'SALES', teamIds: [south], initialPassword: 'a long enough secret' } },
      org.northManager.token,
    );
    expect(foreignTeam.data.createUser.fieldErrors).toEqual([{ field: 'teamIds', reason: 'NOT_ALLOWED' }]);
    const promotion = await t.graphql(UPDATE_USER, { id: own.data.createUser.user.id, input: { role: 'ADMIN' } }, org.northManager.token);
    expect(promotion.data.updateUser.fieldErrors).toEqual([{ field: 'role', reason: 'NOT_ALLOWED' }]);
    const otherTeamsUser = await t.graphql(UPDATE_USER, { id: globalId('User', org.southSales.id), input: { name: 'X' } }, org.northManager.token);
    expect(otherTeamsUser.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const renamed = await t.graphql(UPDATE_USER, { id: own.data.createUser.user.id, input: { name: 'Nele Nord' } }, org.northManager.token);
    expect(renamed.data.updateUser.user.name).toBe('Nele Nord');
  });

  it('refuses sales, service, anonymous callers and read-only tokens', async () => {
    const input = { name: 'Nobody', email: 'nobody@test.example', role: 'SALES', initialPassword: 'a long enough secret' };
    expect((await t.graphql(CREATE_USER, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const token of [org.northSales.token, org.service.token, await readOnlyAdminToken(t, org)]) {
      expect((await t.graphql(CREATE_USER, { input }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const update = await t.graphql(UPDATE_USER, { id: globalId('User', org.northSales2.id), input: { active: false } }, token);
      expect(update.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await t.prisma.user.count({ where: { email: 'nobody@test.example' } })).toBe(0);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: org.northSales2.id } })).active).toBe(true);
  });

  it('ends sign-in and every credential of a deactivated user, and brings them back on reactivation', async () => {
    const user = globalId('User', org.northSales2.id);
    expect((await t.graphql('{ me { name } }', {}, org.northSales2.token)).data.me.name).toBe('Nina Sales');
    const deactivated = await t.graphql(UPDATE_USER, { id: user, input: { active: false } }, org.admin.token);
    expect(deactivated.data.updateUser.user.active).toBe(false);
    expect((await t.graphql('{ me { name } }', {}, org.northSales2.token)).data.me).toBeNull();
    const login = await t.graphql(LOGIN, { email: 'nina.sales@test.example', password: 'correct horse battery staple' });
    expect(login.data.login.__typename).toBe('ValidationError');
    const users = await t.graphql('{ users { name } all: users(includeInactive: true) { name active } }', {}, org.admin.token);
    expect(users.data.users.map((u: { name: string }) => u.name)).not.toContain('Nina Sales');
    expect(users.data.all).toContainEqual({ name: 'Nina Sales', active: false });
    await t.graphql(UPDATE_USER, { id: user, input: { active: true } }, org.admin.token);
    expect((await t.graphql('{ me { name } }', {}, org.northSales2.token)).data.me.name).toBe('Nina Sales');
  });

  it('keeps administrators from locking themselves out', async () => {
    const self = globalId('User', org.admin.id);
    expect((await t.graphql(UPDATE_USER, { id: self, input: { active: false } }, org.admin.token)).data.updateUser.fieldErrors).toEqual([
      { field: 'active', reason: 'SELF' },
    ]);
    expect((await t.graphql(UPDATE_USER, { id: self, input: { role: 'SALES' } }, org.admin.token)).data.updateUser.fieldErrors).toEqual([
      { field: 'role', reason: 'SELF' },
    ]);
  });

  it('changes passwords: your own with the current one, others by an administrator, ending sessions', async () => {
    const changed = await t.graphql(
      `mutation { changeMyPassword(currentPassword: "correct horse battery staple", newPassword: "an entirely new secret") { __typename } }`,
      {},
      org.southSales.token,
    );
    expect(changed.data.changeMyPassword.__typename).toBe('ChangeMyPasswordSuccess');
    const other = await t.graphql(LOGIN, { email: 'sara.sales@test.example', password: 'an entirely new secret' });
    const reset = await t.graphql(
      `mutation($id: ID!) { resetUserPassword(id: $id, newPassword: "set by the admin 1") { __typename } }`,
      { id: globalId('User', org.southSales.id) },
      org.admin.token,
    );
    expect(reset.data.resetUserPassword.__typename).toBe('ResetUserPasswordSuccess');
    expect((await t.graphql('{ me { name } }', {}, other.data.login.token)).data.me).toBeNull();
    expect((await t.graphql(LOGIN, { email: 'sara.sales@test.example', password: 'set by the admin 1' })).data.login.__typename).toBe('LoginPayload');
  });
});

describe('team administration', () => {
  const CREATE = `mutation($name: String!, $type: TeamType) { createTeam(name: $name, type: $type) { __typename ... on CreateTeamSuccess { team { id name type } } ... on ValidationError { fieldErrors { field reason } } } }`;

  it('creates, renames, retypes and deletes empty teams; refuses taken names and teams in use', async () => {
    const created = await t.graphql(CREATE, { name: 'Key Accounts', type: 'SALES' }, org.admin.token);
    const team = created.data.createTeam.team;
    expect(team).toMatchObject({ name: 'Key Accounts', type: 'SALES' });
    expect((await t.graphql(CREATE, { name: 'key accounts' }, org.admin.token)).data.createTeam.fieldErrors).toEqual([{ field: 'name', reason: 'TAKEN' }]);
    const updated = await t.graphql(
      `mutation($id: ID!) { updateTeam(id: $id, name: "Innendienst", type: SERVICE) { ... on UpdateTeamSuccess { team { name type } } } }`,
      { id: team.id },
      org.admin.token,
    );
    expect(updated.data.updateTeam.team).toEqual({ name: 'Innendienst', type: 'SERVICE' });
    const DELETE = `mutation($id: ID!) { deleteTeam(id: $id) { __typename ... on ValidationError { fieldErrors { field reason } } } }`;
    expect((await t.graphql(DELETE, { id: globalId('Team', org.north.id) }, org.admin.token)).data.deleteTeam.fieldErrors).toEqual([
      { field: 'id', reason: 'NOT_EMPTY' },
    ]);
    expect((await t.graphql(DELETE, { id: team.id }, org.admin.token)).data.deleteTeam.__typename).toBe('DeleteTeamSuccess');
  });

  it('is for administrators only', async () => {
    await expectAdminOnly(t, org, await readOnlyAdminToken(t, org), CREATE, { name: 'Nope' });
  });
});
