import { expect } from 'vitest';
import type { Organisation } from './fixtures.ts';
import type { TestApp } from './test-app.ts';

/** An API token of the organisation's admin narrowed to read-only. */
export async function readOnlyAdminToken(t: TestApp, org: Organisation): Promise<string> {
  const response = await t.graphql(
    'mutation { createApiToken(name: "read-only admin", readOnly: true) { ... on CreatedApiToken { token } } }',
    {},
    org.admin.token,
  );
  return response.data.createApiToken.token;
}

/**
 * A configuration change is for administrators only: refused as UNAUTHENTICATED without
 * credentials and as FORBIDDEN for every other role and for a read-only admin token.
 */
export async function expectAdminOnly(
  t: TestApp,
  org: Organisation,
  readOnlyToken: string,
  operation: string,
  variables: Record<string, unknown> = {},
) {
  const anonymous = await t.graphql(operation, variables);
  expect(anonymous.errors?.[0].extensions?.code, 'anonymous').toBe('UNAUTHENTICATED');
  const callers = {
    SALES: org.northSales.token,
    MANAGER: org.northManager.token,
    SERVICE: org.service.token,
    'read-only admin token': readOnlyToken,
  };
  for (const [caller, token] of Object.entries(callers)) {
    const response = await t.graphql(operation, variables, token);
    expect(response.errors?.[0].extensions?.code, caller).toBe('FORBIDDEN');
    expect(response.data?.[Object.keys(response.data ?? {})[0]] ?? null, caller).toBeNull();
  }
}
