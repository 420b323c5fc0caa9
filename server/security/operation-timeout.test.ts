import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { countStatements, createTestApp, graphql, testConfig, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

beforeAll(async () => {
  t = await createTestApp({ GRAPHQL_TIMEOUT_MS: '5' });
  org = await createOrganisation(t.prisma);
});
afterAll(() => t.close());

// Mutations run one after another and each checks a password with argon2 (tens of milliseconds),
// so three of them take far longer than 5 ms.
const SLOW = `mutation {
  a: login(email: "nils.sales@test.example", password: "wrong 1") { __typename }
  b: login(email: "nils.sales@test.example", password: "wrong 2") { __typename }
  c: login(email: "nils.sales@test.example", password: "wrong 3") { __typename }
}`;

async function run(app = t.app) {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SLOW }),
  });
  const body = await response.json();
  // Whatever was still running has time to finish and send its statements: they count too.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { status: response.status, body };
}

describe('operation timeout', () => {
  it('stops an operation that runs too long with OPERATION_TIMEOUT and starts nothing more', async () => {
    const stopped = await countStatements(t.db, () => run());
    expect(stopped.result.status).toBe(503);
    expect(stopped.result.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'OPERATION_TIMEOUT', limit: 5 } })]);
    expect(stopped.result.body.data ?? null).toBeNull();

    const unlimited = buildApp({ db: t.db, config: testConfig() });
    const complete = await countStatements(t.db, () => run(unlimited));
    expect(complete.result.body.data).toEqual({ a: { __typename: 'ValidationError' }, b: { __typename: 'ValidationError' }, c: { __typename: 'ValidationError' } });
    // The complete run looks the user up three times; the stopped one did not get past the first.
    expect(complete.statements.filter((sql) => sql.includes('"User"')).length).toBe(3);
    expect(stopped.statements.filter((sql) => sql.includes('"User"')).length).toBe(1);
  });

  it('leaves quick operations alone', async () => {
    const quick = buildApp({ db: t.db, config: testConfig({ GRAPHQL_TIMEOUT_MS: '5000' }) });
    expect(await graphql(quick, '{ me { name } }', {}, org.admin.token)).toMatchObject({ data: { me: { name: 'Ada Admin' } } });
  });
});
