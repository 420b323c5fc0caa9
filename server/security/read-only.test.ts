import { getNamedType, isLeafType, isNonNullType, type GraphQLField } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { schema } from '../schema/index.ts';
import { readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { placeholderValue } from '../test/placeholder-values.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let readOnly: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  readOnly = await readOnlyAdminToken(t, org);
});
afterAll(() => t.close());

const mutations = Object.values(schema.getMutationType()!.getFields());

/** `mutation($a: T!, …) { field(a: $a, …) { __typename } }` with a value for every required argument. */
function call(field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const variables = Object.fromEntries(required.map((arg) => [arg.name, placeholderValue(arg.type)]));
  const definitions = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  const query = `mutation${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
  return { query, variables };
}

/** Row counts of every table, to prove that nothing was written. */
async function fingerprint() {
  const tables = await t.prisma.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await t.prisma.$queryRawUnsafe<Array<{ count: bigint }>>(`SELECT count(*) AS count FROM "${table_name}"`);
    counts[table_name] = Number(row.count);
  }
  const updated = await t.prisma.$queryRaw<Array<{ latest: Date | null }>>`SELECT max("updatedAt") AS latest FROM "User"`;
  return { counts, usersUpdated: updated[0].latest?.toISOString() ?? null };
}

describe('a read-only API token', () => {
  it('is refused every mutation of the schema with FORBIDDEN, and nothing is written', async () => {
    expect(mutations.length).toBeGreaterThan(60);
    const before = await fingerprint();
    for (const field of mutations) {
      const { query, variables } = call(field);
      const response = await t.graphql(query, variables, readOnly);
      expect(response.errors?.map((error) => error.extensions?.code), field.name).toEqual(['FORBIDDEN']);
      expect(response.data ?? null, field.name).toBeNull();
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('is refused over the WebSocket too, where mutations of other callers run as over HTTP', async () => {
    const { url } = await t.app.start(0, '127.0.0.1');
    const run = (token: string, query: string) => {
      const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      return new Promise<any>((resolve, reject) => client.subscribe({ query }, { next: resolve, error: reject, complete: () => {} })).finally(() =>
        client.dispose(),
      );
    };
    try {
      const refused = await run(readOnly, 'mutation { createTag(name: "Over the socket") { __typename } }');
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await t.prisma.tag.count({ where: { name: 'Over the socket' } })).toBe(0);
      const done = await run(org.admin.token, 'mutation { createTag(name: "Over the socket") { __typename } }');
      expect(done.data).toEqual({ createTag: { __typename: 'CreateTagSuccess' } });
      expect(await t.prisma.tag.count({ where: { name: 'Over the socket' } })).toBe(1);
    } finally {
      await t.app.stop();
    }
  });

  it('can still read', async () => {
    await t.prisma.tag.deleteMany({ where: { name: 'Over the socket' } });
    expect((await t.graphql('{ me { name } teams { name } }', {}, readOnly)).data).toEqual({
      me: { name: 'Ada Admin' },
      teams: [{ name: 'North' }, { name: 'South' }],
    });
  });
});

describe('every mutation', () => {
  it('declares a scope that read-only tokens lack (writer or admin), except login', () => {
    const undeclared = mutations
      .filter((field) => field.name !== 'login')
      .filter((field) => {
        const scopes = (field.extensions as { pothosOptions?: { authScopes?: Record<string, unknown> } }).pothosOptions?.authScopes;
        return !scopes || !(scopes.writer || scopes.admin);
      })
      .map((field) => field.name);
    expect(undeclared).toEqual([]);
  });
});
