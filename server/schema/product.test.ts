import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAdminOnly, readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { countStatements, createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let readOnlyToken: string;

const ERRORS = '... on ValidationError { fieldErrors { field reason message } }';
const FIELDS = 'id sku name description unit unitPrice active';
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename ... on CreateProductSuccess { product { ${FIELDS} } } ${ERRORS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { __typename ... on UpdateProductSuccess { product { ${FIELDS} } } ${ERRORS} } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setProductActive(id: $id, active: $active) { __typename ... on SetProductActiveSuccess { product { sku active } } ${ERRORS} } }`;
const PAGE = `query($first: Int, $after: String, $search: String, $all: Boolean) {
  products(first: $first, after: $after, search: $search, includeInactive: $all) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { sku name unitPrice active } }
  }
}`;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  readOnlyToken = await readOnlyAdminToken(t, org);
});
afterAll(() => t.close());

async function run(operation: string, variables: Record<string, unknown> = {}, token = org.admin.token) {
  const response = await t.graphql(operation, variables, token);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data)[0] as any;
}

const reasons = (result: any) => Object.fromEntries(result.fieldErrors.map((error: any) => [error.field, error.reason]));

describe('createProduct', () => {
  it('creates a product with the default unit', async () => {
    const result = await run(CREATE, { input: { sku: 'M-100', name: 'Wartungsvertrag', unitPrice: '1200.5', description: 'Jährlich' } });
    expect(result.product).toMatchObject({ sku: 'M-100', name: 'Wartungsvertrag', unit: 'Stk.', unitPrice: '1200.5', description: 'Jährlich', active: true });
    const hours = await run(CREATE, { input: { sku: 'S-01', name: 'Beratung', unit: 'h', unitPrice: '0' } });
    expect(hours.product).toMatchObject({ unit: 'h', unitPrice: '0' });
  });

  it('returns field errors for bad input and writes nothing', async () => {
    const before = await t.prisma.product.count();
    const result = await run(CREATE, { input: { sku: 'mit leerzeichen', name: ' ', unitPrice: '-5', unit: 'x'.repeat(21) } });
    expect(reasons(result)).toEqual({ sku: 'INVALID_FORMAT', name: 'REQUIRED', unitPrice: 'TOO_SMALL', unit: 'TOO_LONG' });
    const decimals = await run(CREATE, { input: { sku: 'X-1', name: 'Zu genau', unitPrice: '1.999' } });
    expect(reasons(decimals)).toEqual({ unitPrice: 'INVALID_FORMAT' });
    // The Decimal scalar itself refuses more than 12 integer digits before anything runs.
    const huge = await t.graphql(CREATE, { input: { sku: 'X-2', name: 'Zu groß', unitPrice: '1234567890123' } }, org.admin.token);
    expect(huge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.prisma.product.count()).toBe(before);
  });

  it('refuses a SKU that exists, case-insensitively', async () => {
    const result = await run(CREATE, { input: { sku: 'm-100', name: 'Doppelt', unitPrice: '1' } });
    expect(result.fieldErrors).toEqual([{ field: 'sku', reason: 'TAKEN', message: 'There is already a product with this sku.' }]);
  });
});

describe('updateProduct and setProductActive', () => {
  it('changes the given fields only and clears the description with null', async () => {
    const { id } = (await run(CREATE, { input: { sku: 'L-7', name: 'Lizenz', unitPrice: '99.00', description: 'Pro Nutzer' } })).product;
    const updated = await run(UPDATE, { id, input: { unitPrice: '109.90', description: null } });
    expect(updated.product).toMatchObject({ sku: 'L-7', name: 'Lizenz', unitPrice: '109.9', description: null });
    const renamed = await run(UPDATE, { id, input: { sku: 'L-8', name: 'Lizenz Plus' } });
    expect(renamed.product).toMatchObject({ sku: 'L-8', name: 'Lizenz Plus', unitPrice: '109.9' });
    expect(reasons(await run(UPDATE, { id, input: { sku: 'M-100' } }))).toEqual({ sku: 'TAKEN' });
    expect(reasons(await run(UPDATE, { id, input: { name: '', unitPrice: '-1' } }))).toEqual({ name: 'REQUIRED', unitPrice: 'TOO_SMALL' });
    const sameSku = await run(UPDATE, { id, input: { sku: 'l-8' } });
    expect(sameSku.product.sku).toBe('l-8');
  });

  it('deactivates and reactivates; inactive products are listed only on request', async () => {
    const product = await t.prisma.product.findUniqueOrThrow({ where: { sku: 'S-01' } });
    const { id } = (await run('query { products(search: "S-01") { edges { node { id } } } }', {}, org.northSales.token)).edges[0].node;
    expect((await run(SET_ACTIVE, { id, active: false })).product).toEqual({ sku: 'S-01', active: false });
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).active).toBe(false);
    const active = await run(PAGE, { search: 'Beratung' }, org.northSales.token);
    expect(active.totalCount).toBe(0);
    const all = await run(PAGE, { search: 'Beratung', all: true }, org.northSales.token);
    expect(all.edges.map((edge: any) => edge.node)).toEqual([{ sku: 'S-01', name: 'Beratung', unitPrice: '0', active: false }]);
    expect((await run(SET_ACTIVE, { id, active: true })).product.active).toBe(true);
  });

  it('reports a missing product as NOT_FOUND', async () => {
    const id = Buffer.from('Product:0190a5d2-0000-7000-8000-000000000000').toString('base64');
    const response = await t.graphql(SET_ACTIVE, { id, active: false }, org.admin.token);
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('products connection', () => {
  beforeAll(async () => {
    await t.prisma.product.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({
        sku: `BULK-${String(index).padStart(2, '0')}`,
        name: `Schraube ${String(index).padStart(2, '0')}`,
        description: index % 3 === 0 ? 'verzinkt' : 'Edelstahl',
        unitPrice: '0.10',
      })),
    });
  });

  it('pages by name with cursors and counts the total', async () => {
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await run(PAGE, { first: 12, after, search: 'schraube' }, org.northManager.token);
      expect(page.totalCount).toBe(30);
      names.push(...page.edges.map((edge: any) => edge.node.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(names).toHaveLength(30);
    expect(names).toEqual([...names].sort());
  });

  it('matches every search word in name, SKU or description', async () => {
    expect((await run(PAGE, { search: 'schraube verzinkt' })).totalCount).toBe(10);
    expect((await run(PAGE, { search: 'bulk-0' })).totalCount).toBe(10);
  });

  it('costs the same number of statements for 5 and for 30 products', async () => {
    const small = await countStatements(t.db, () => t.graphql(PAGE, { first: 5, search: 'schraube' }, org.northSales.token));
    const large = await countStatements(t.db, () => t.graphql(PAGE, { first: 30, search: 'schraube' }, org.northSales.token));
    expect(large.result.data.products.edges).toHaveLength(30);
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe('access', () => {
  it('lets SALES, MANAGER and ADMIN read the catalogue, but not SERVICE or anonymous callers', async () => {
    for (const token of [org.northSales.token, org.northManager.token, org.admin.token, readOnlyToken]) {
      expect((await run(PAGE, { first: 1 }, token)).totalCount).toBeGreaterThan(0);
    }
    const service = await t.graphql(PAGE, { first: 1 }, org.service.token);
    expect(service.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.graphql(PAGE, { first: 1 });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only administrators change it', async () => {
    const product = await t.prisma.product.findUniqueOrThrow({ where: { sku: 'M-100' } });
    const id = Buffer.from(`Product:${product.id}`).toString('base64');
    await expectAdminOnly(t, org, readOnlyToken, CREATE, { input: { sku: 'F-1', name: 'Fremd', unitPrice: '1' } });
    await expectAdminOnly(t, org, readOnlyToken, UPDATE, { id, input: { unitPrice: '1.00' } });
    await expectAdminOnly(t, org, readOnlyToken, SET_ACTIVE, { id, active: false });
    expect(await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toEqual(product);
    expect(await t.prisma.product.count({ where: { sku: 'F-1' } })).toBe(0);
  });
});
