import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { createUser, TEST_PASSWORD } from '../test/fixtures.ts';
import { createTestApp, testConfig, type TestApp } from '../test/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  // Every request here comes from the same (unknown) address; that limit has its own test.
  t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
});
afterAll(() => t.close());

/** A user of its own per test, so counts never carry over (Redis keeps them across runs). */
async function someone() {
  const name = `Lena ${randomBytes(4).toString('hex')}`;
  return createUser(t.prisma, { name, role: 'SALES', email: `${name.toLowerCase().replace(' ', '.')}@test.example` });
}

async function login(app: App, email: string, password: string, address?: string) {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(address ? { 'x-forwarded-for': address } : {}) },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  const body = await response.json();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body, outcome: outcomeOf(body, 'login') };
}

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }`;

function outcomeOf(body: any, field: string): string {
  const error = body.errors?.find((candidate: any) => candidate.path?.[0] === field);
  return error ? String(error.extensions?.code) : body.data?.[field]?.__typename;
}

describe('failed logins', () => {
  it('are refused with RATE_LIMITED and Retry-After after 10 for one account, even with the right password', async () => {
    const user = await someone();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await login(t.app, user.email, `wrong ${attempt}`)).outcome).toBe('ValidationError');
    }
    const limited = await login(t.app, user.email, TEST_PASSWORD);
    expect(limited.outcome).toBe('RATE_LIMITED');
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(800);
    expect(limited.body.errors[0].extensions.retryAfter).toBe(Number(limited.retryAfter));
    // Other accounts are not affected.
    const other = await someone();
    expect((await login(t.app, other.email, TEST_PASSWORD)).outcome).toBe('LoginPayload');
  });

  it('count every alias of one request: of 25 guesses in one document the 11th is refused and ends it', async () => {
    const user = await someone();
    const query = `mutation { ${Array.from({ length: 25 }, (_, i) => `g${i}: login(email: "${user.email}", password: "guess ${i}") { __typename }`).join(' ')} }`;
    const response = await t.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = await response.json();
    // Mutations run one after another; the refusal of a non-null field ends the rest.
    expect(body.errors).toEqual([expect.objectContaining({ path: ['g10'], extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } })]);
    expect(body.data).toBeNull();
    expect((await login(t.app, user.email, TEST_PASSWORD)).outcome).toBe('RATE_LIMITED');
    // 300 guesses do not even get that far: too many aliases.
    const bomb = `mutation { ${Array.from({ length: 300 }, (_, i) => `g${i}: login(email: "x@y.z", password: "${i}") { __typename }`).join(' ')} }`;
    const refused = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: bomb }) });
    expect(refused.status).toBe(400);
  });

  it('are counted per client address across accounts (behind a trusted proxy)', async () => {
    const app = buildApp({ db: t.db, config: testConfig({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ADDRESS: '5' }) });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login(app, `nobody${attempt}@test.example`, 'wrong', '203.0.113.7')).outcome).toBe('ValidationError');
    }
    const user = await someone();
    expect((await login(app, user.email, TEST_PASSWORD, '203.0.113.7')).outcome).toBe('RATE_LIMITED');
    expect((await login(app, user.email, TEST_PASSWORD, '198.51.100.1')).outcome).toBe('LoginPayload');
  });

  it('are forgotten for the account after a successful login', async () => {
    const user = await someone();
    for (let attempt = 0; attempt < 9; attempt += 1) await login(t.app, user.email, 'wrong');
    expect((await login(t.app, user.email, TEST_PASSWORD)).outcome).toBe('LoginPayload');
    for (let attempt = 0; attempt < 9; attempt += 1) expect((await login(t.app, user.email, 'wrong')).outcome).toBe('ValidationError');
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
describe.skipIf(!redisUrl)('with several instances (Redis)', () => {
  it('share the count', async () => {
    const first = buildApp({ db: t.db, config: testConfig({ REDIS_URL: redisUrl, LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' }) });
    const second = buildApp({ db: t.db, config: testConfig({ REDIS_URL: redisUrl, LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' }) });
    try {
      const user = await someone();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await login(first, user.email, 'wrong')).outcome).toBe('ValidationError');
        expect((await login(second, user.email, 'wrong')).outcome).toBe('ValidationError');
      }
      expect((await login(first, user.email, TEST_PASSWORD)).outcome).toBe('RATE_LIMITED');
      expect((await login(second, user.email, TEST_PASSWORD)).outcome).toBe('RATE_LIMITED');
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
