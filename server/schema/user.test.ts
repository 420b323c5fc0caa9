import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlyAdminToken } from '../test/admin-access.ts';
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
