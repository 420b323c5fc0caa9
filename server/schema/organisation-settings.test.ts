import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStaleAfterDays } from '../domain/settings.ts';
import { expectAdminOnly, readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

const READ = '{ organisationSettings { staleAfterDays } }';
const UPDATE = `mutation($input: UpdateOrganisationSettingsInput!) {
  updateOrganisationSettings(input: $input) {
    __typename
    ... on UpdateOrganisationSettingsSuccess { settings { staleAfterDays updatedAt } }
    ... on ValidationError { fieldErrors { field reason } }
  }
}`;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});
afterAll(() => t.close());

describe('organisation settings', () => {
  it('starts with 14 days and is readable by every signed-in user', async () => {
    expect(await getStaleAfterDays(t.prisma)).toBe(14);
    for (const token of [org.service.token, org.northSales.token, org.admin.token]) {
      const response = await t.graphql(READ, {}, token);
      expect(response.data).toEqual({ organisationSettings: { staleAfterDays: 14 } });
    }
    expect((await t.graphql(READ)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets an administrator change the stale threshold within 1..365 days', async () => {
    const updated = await t.graphql(UPDATE, { input: { staleAfterDays: 30 } }, org.admin.token);
    expect(updated.data.updateOrganisationSettings).toMatchObject({ __typename: 'UpdateOrganisationSettingsSuccess', settings: { staleAfterDays: 30 } });
    expect(await getStaleAfterDays(t.prisma)).toBe(30);
    for (const [value, reason] of [[0, 'TOO_SMALL'], [366, 'TOO_LARGE']] as const) {
      const refused = await t.graphql(UPDATE, { input: { staleAfterDays: value } }, org.admin.token);
      expect(refused.data.updateOrganisationSettings.fieldErrors).toEqual([{ field: 'staleAfterDays', reason }]);
    }
    const unchanged = await t.graphql(UPDATE, { input: {} }, org.admin.token);
    expect(unchanged.data.updateOrganisationSettings.settings.staleAfterDays).toBe(30);
    expect(await getStaleAfterDays(t.prisma)).toBe(30);
  });

  it('keeps currency, time zone and the letterhead, validated and normalised', async () => {
    const SETTINGS = `mutation($input: UpdateOrganisationSettingsInput!) {
      updateOrganisationSettings(input: $input) {
        __typename
        ... on UpdateOrganisationSettingsSuccess { settings { currency timeZone letterhead { companyName iban bic vatId website city } } }
        ... on ValidationError { fieldErrors { field reason } }
      }
    }`;
    const letterhead = {
      companyName: 'Nordlicht Maschinenbau GmbH',
      city: 'Kiel',
      iban: 'de89 3704 0044 0532 0130 00',
      bic: 'cobadeffxxx',
      vatId: 'DE 123456789',
      website: 'nordlicht.example',
    };
    const saved = await t.graphql(SETTINGS, { input: { currency: 'chf', timeZone: 'Europe/Zurich', letterhead } }, org.admin.token);
    expect(saved.data.updateOrganisationSettings.settings).toEqual({
      currency: 'CHF',
      timeZone: 'Europe/Zurich',
      letterhead: {
        companyName: 'Nordlicht Maschinenbau GmbH',
        city: 'Kiel',
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        vatId: 'DE123456789',
        website: 'https://nordlicht.example',
      },
    });
    const refused = await t.graphql(
      SETTINGS,
      { input: { currency: 'EURO', timeZone: 'Mars/Olympus', letterhead: { iban: 'DE89370400440532013001', bic: 'XX', vatId: '123' } } },
      org.admin.token,
    );
    expect(refused.data.updateOrganisationSettings.fieldErrors).toEqual([
      { field: 'currency', reason: 'INVALID_VALUE' },
      { field: 'timeZone', reason: 'INVALID_VALUE' },
      { field: 'letterhead.vatId', reason: 'INVALID_FORMAT' },
      { field: 'letterhead.iban', reason: 'INVALID_IBAN' },
      { field: 'letterhead.bic', reason: 'INVALID_FORMAT' },
    ]);
    const readBack = await t.graphql('{ organisationSettings { currency letterhead { iban } } }', {}, org.northSales.token);
    expect(readBack.data.organisationSettings).toEqual({ currency: 'CHF', letterhead: { iban: 'DE89370400440532013000' } });
  });

  it('is changed by administrators only', async () => {
    await expectAdminOnly(t, org, await readOnlyAdminToken(t, org), UPDATE, { input: { staleAfterDays: 1 } });
    expect(await getStaleAfterDays(t.prisma)).toBe(30);
  });

  it('falls back to the default when the settings row is missing', async () => {
    await t.prisma.organisationSettings.deleteMany();
    expect(await getStaleAfterDays(t.prisma)).toBe(14);
    const updated = await t.graphql(UPDATE, { input: { staleAfterDays: 21 } }, org.admin.token);
    expect(updated.data.updateOrganisationSettings.settings.staleAfterDays).toBe(21);
    expect(await t.prisma.organisationSettings.count()).toBe(1);
  });
});
