import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../schema/index.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { hostileOperation } from '../test/hostile-inputs.ts';
import { insertOpportunitiesOfBothTeams } from '../test/sales-fixtures.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// Generated operations on every query and mutation, with hostile variables (wrong types, NUL
// bytes, a megabyte of text, malformed ids, years 0000 and 9999, invisible names, LIKE wildcards).
// Whatever comes back: never a masked "Unexpected error", every error with a code, no input
// echoed back longer than 200 characters, and nothing written when the answer is an error.
// FUZZ_RUNS raises the number of operations (the seed stays fixed so a failure reproduces).

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const ECHO_LIMIT = 200;
// A mutation run checks the whole database before and after: about a second each on a busy machine.
const TIMEOUT_MS = 120_000 + RUNS * 1_500;

let t: TestApp;
let org: Organisation;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '1000000', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000' });
  org = await createOrganisation(t.prisma);
  await insertOpportunitiesOfBothTeams(t.prisma, org);
});
afterAll(() => t.close());

/** Row counts of every table and the newest change of each, to tell whether anything was written. */
async function fingerprint() {
  const tables = await t.prisma.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const parts = await Promise.all(
    tables.map(async ({ table_name }) => {
      const columns = await t.prisma.$queryRaw<Array<{ column_name: string }>>`
        SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table_name} AND column_name = 'updatedAt'`;
      const latest = columns.length ? `, max("updatedAt")::text AS latest` : '';
      const [row] = await t.prisma.$queryRawUnsafe<Array<{ count: bigint; latest?: string }>>(`SELECT count(*) AS count${latest} FROM "${table_name}"`);
      return `${table_name}:${row.count}:${row.latest ?? ''}`;
    }),
  );
  return parts.join('|');
}

/** Every string of at least `length` characters anywhere in `value`. */
function longStrings(value: unknown, length: number, found: string[] = []): string[] {
  if (typeof value === 'string' && value.length > length) found.push(value);
  else if (Array.isArray(value)) for (const item of value) longStrings(item, length, found);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) longStrings(item, length, found);
  return found;
}

const isErrorResult = (body: any, field: string) =>
  Boolean(body.errors?.length) || /Error$/.test(String(body.data?.[field]?.__typename ?? ''));

async function check(operation: { field: string; query: string; variables: Record<string, unknown> }, token: string, mutation: boolean) {
  const before = mutation ? await fingerprint() : '';
  const response = await t.app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  const text = await response.text();
  const where = `${operation.field} ${JSON.stringify(operation.variables).slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  const body = JSON.parse(text);
  for (const error of body.errors ?? []) {
    expect(error.message, where).not.toBe('Unexpected error.');
    expect(error.extensions?.code, `${where}: ${error.message.slice(0, 300)}`).toBeTruthy();
  }
  for (const long of longStrings(operation.variables, ECHO_LIMIT)) {
    expect(text.includes(long.slice(0, ECHO_LIMIT + 1)), `${where} echoes its input`).toBe(false);
  }
  if (mutation && isErrorResult(body, operation.field)) expect(await fingerprint(), `${where} wrote despite an error`).toBe(before);
}

const queries = Object.values(schema.getQueryType()!.getFields());
const mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) => field.name !== 'logout');

describe('hostile input', () => {
  it('gets clean, coded errors from every query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...queries).chain((field) => hostileOperation('query', field)), fc.constantFrom('admin', 'northSales', 'service'), (operation, who) =>
        check(operation, org[who as 'admin'].token, false),
      ),
      { numRuns: RUNS, seed: 20261203, endOnFailure: true },
    );
  }, TIMEOUT_MS);

  it('gets clean, coded errors from every mutation, and nothing written on error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...mutations).chain((field) => hostileOperation('mutation', field)), fc.constantFrom('admin', 'northSales'), (operation, who) =>
        check(operation, org[who as 'admin'].token, true),
      ),
      { numRuns: RUNS, seed: 20261204, endOnFailure: true },
    );
  }, TIMEOUT_MS);
});
