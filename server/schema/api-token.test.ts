import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

const CREATE_TOKEN = /* GraphQL */ `
  mutation CreateToken($name: String!, $readOnly: Boolean, $expiresAt: DateTime) {
    createApiToken(name: $name, readOnly: $readOnly, expiresAt: $expiresAt) {
      __typename
      ... on CreatedApiToken { token apiToken { id name prefix readOnly revokedAt } }
      ... on ValidationError { fieldErrors { field reason } }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($id: ID!) {
    revokeApiToken(id: $id) {
      __typename
      ... on RevokeApiTokenSuccess { apiToken { id revokedAt } }
      ... on ValidationError { fieldErrors { field reason } }
    }
  }
`;
const CREATE_ACCOUNT = 'mutation { createAccount(input: { name: "Token GmbH" }) { __typename } }';

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});
afterAll(() => t.close());

async function createToken(variables: Record<string, unknown>, token = org.northSales.token) {
  return (await t.graphql(CREATE_TOKEN, variables, token)).data.createApiToken;
}

describe('API tokens', () => {
  it('shows the token once, stores only its hash and authenticates as its creator', async () => {
    const created = await createToken({ name: 'ERP sync' });
    expect(created.__typename).toBe('CreatedApiToken');
    expect(created.token).toMatch(/^crm_pat_/);
    expect(created.token.startsWith(created.apiToken.prefix)).toBe(true);
    const stored = await t.prisma.apiToken.findFirstOrThrow({ where: { name: 'ERP sync' } });
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const me = await t.graphql('{ me { name } }', {}, created.token);
    expect(me.data.me.name).toBe('Nils Sales');
    const listed = await t.graphql('{ apiTokens { name prefix lastUsedAt } }', {}, org.northSales.token);
    expect(listed.data.apiTokens).toEqual([{ name: 'ERP sync', prefix: created.apiToken.prefix, lastUsedAt: expect.any(String) }]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it('lists only the viewer’s own tokens', async () => {
    await createToken({ name: 'Southern report' }, org.southSales.token);
    const listed = await t.graphql('{ apiTokens { name } }', {}, org.northSales.token);
    expect(listed.data.apiTokens.map((token: { name: string }) => token.name)).not.toContain('Southern report');
  });

  it('stops working once revoked', async () => {
    const created = await createToken({ name: 'Short lived' });
    const revoked = await t.graphql(REVOKE, { id: created.apiToken.id }, org.northSales.token);
    expect(revoked.data.revokeApiToken.apiToken.revokedAt).toEqual(expect.any(String));
    const response = await t.graphql('{ accounts { totalCount } }', {}, created.token);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not let another user revoke a token, nor reveal it exists', async () => {
    const created = await createToken({ name: 'Mine' });
    const response = await t.graphql(REVOKE, { id: created.apiToken.id }, org.admin.token);
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.prisma.apiToken.findFirstOrThrow({ where: { name: 'Mine' } })).revokedAt).toBeNull();
  });

  it('lets a read-only token read but never write', async () => {
    const created = await createToken({ name: 'BI export', readOnly: true });
    expect((await t.graphql('{ accounts { totalCount } }', {}, created.token)).data.accounts.totalCount).toBe(0);
    const write = await t.graphql(CREATE_ACCOUNT, {}, created.token);
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await t.prisma.account.count()).toBe(0);
  });

  it('refuses to mint or revoke tokens with an API token', async () => {
    const created = await createToken({ name: 'Integrator' });
    const minted = await t.graphql(CREATE_TOKEN, { name: 'Escalation' }, created.token);
    expect(minted.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const revoke = await t.graphql(REVOKE, { id: created.apiToken.id }, created.token);
    expect(revoke.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('validates name, expiry and ids', async () => {
    expect((await createToken({ name: ' ' })).fieldErrors).toEqual([{ field: 'name', reason: 'REQUIRED' }]);
    expect((await createToken({ name: 'x'.repeat(121) })).fieldErrors).toEqual([{ field: 'name', reason: 'TOO_LONG' }]);
    expect((await createToken({ name: 'Old', expiresAt: '2020-01-01T00:00:00Z' })).fieldErrors).toEqual([
      { field: 'expiresAt', reason: 'IN_THE_PAST' },
    ]);
    const badId = await t.graphql(REVOKE, { id: globalId('Account', '0190c9a4-0000-7000-8000-000000000000') }, org.northSales.token);
    expect(badId.data.revokeApiToken).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'id', reason: 'INVALID_ID' }] });
  });

  it('expires', async () => {
    const created = await createToken({ name: 'Soon', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await t.prisma.apiToken.update({ where: { id: (await t.prisma.apiToken.findFirstOrThrow({ where: { name: 'Soon' } })).id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await t.graphql('{ me { name } }', {}, created.token)).data.me).toBeNull();
  });

  it('requires a session to create a token', async () => {
    const response = await t.graphql(CREATE_TOKEN, { name: 'Anonymous' });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
