import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { authenticate } from '../auth/authenticate.ts';
import { readConfig } from '../config.ts';
import { kpiExportRows } from '../domain/export/kpi-export-rows.ts';
import { kpiQuery } from '../domain/kpis/kpi-query.ts';
import { createOrganisation, type Organisation, type TestUser } from '../test/fixtures.ts';
import { insertAccount, insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

// The export of a drill-down lists the records of the drill-down connection, in its order and access.

let t: TestApp;
let org: Organisation;
let app: App;
let baseUrl: string;
let stageId: string;

const get = (path: string, token?: string) => fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const query = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString();
const csv = async (response: Response) => parse(await response.text(), { bom: true }) as string[][];

async function connection(field: string, figure: string, token: string, node: string, group?: Record<string, unknown>) {
  const response = await t.graphql(
    `query($group: KpiGroupInput) { ${field}(figure: ${figure}, first: 100, group: $group) { totalCount edges { node { ${node} } } } }`,
    { group },
    token,
  );
  expect(response.errors).toBeUndefined();
  return response.data[field] as { totalCount: number; edges: Array<{ node: Record<string, string> }> };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  app = buildApp({ db: t.db, config: { ...readConfig({}), clientDir: '/nonexistent' } });
  ({ url: baseUrl } = await app.start(0, '127.0.0.1'));
  const pipeline = await insertPipeline(t.prisma);
  stageId = pipeline.stages[0].id;
  const deal = async (owner: TestUser, teamId: string, title: string, amount: string) => {
    const opportunity = await insertOpportunity(t.prisma, { owner, teamId, pipeline, title });
    await t.prisma.opportunity.update({ where: { id: opportunity.id }, data: { amount, kind: 'DEAL' } });
    return opportunity;
  };
  const north = await insertAccount(t.prisma, org.northSales, org.north.id, { name: 'Nordkunde' });
  const south = await insertAccount(t.prisma, org.southSales, org.south.id, { name: 'Südkunde' });
  for (const [title, amount] of [['Klein', '100.00'], ['Groß', '9000.00'], ['Mittel', '2500.00'], ['Auch mittel', '2500.00']] as const) {
    await deal(org.northSales, org.north.id, title, amount);
  }
  await deal(org.southSales, org.south.id, 'Süddeal', '50000.00');
  const invoice = (number: string, owner: TestUser, teamId: string, accountId: string, net: string, dueDate: string) =>
    t.prisma.invoice.create({
      data: {
        number, title: `Rechnung ${number}`, accountId, ownerId: owner.id, teamId, recipientName: 'Empfänger',
        issueDate: new Date('2026-01-05'), dueDate: new Date(dueDate), netAmount: net, taxAmount: '0', grossAmount: net, paidAmount: '0',
      },
    });
  await invoice('INV-K-1', org.northSales, org.north.id, north.id, '300.00', '2026-01-19');
  await invoice('INV-K-2', org.northSales, org.north.id, north.id, '700.00', '2026-02-19');
  await invoice('INV-K-3', org.northSales, org.north.id, north.id, '900.00', '2999-12-31');
  await invoice('INV-K-4', org.southSales, org.south.id, south.id, '800.00', '2026-01-19');
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await t?.close();
});

describe('GET /export/kpi/<kind>.csv', () => {
  it('exports the open deals behind the figure: the rows and order of kpiOpportunities, one team only', async () => {
    const response = await get(`/export/kpi/opportunities.csv?${query({ figure: 'DEALS_OPEN', columns: 'title,amount' })}`, org.northSales.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kpi-opportunities-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = await csv(response);
    const drill = await connection('kpiOpportunities', 'DEALS_OPEN', org.northSales.token, 'title');
    expect(rows.slice(1).map(([title]) => title)).toEqual(drill.edges.map((edge) => edge.node.title));
    expect(rows[0]).toEqual(['Title', 'Amount']);
    expect(rows.slice(1).map(([, amount]) => amount)).toEqual(['9000.00', '2500.00', '2500.00', '100.00']);
    const southRows = await csv(await get(`/export/kpi/opportunities.csv?${query({ figure: 'DEALS_OPEN', columns: 'title' })}`, org.southSales.token));
    expect(southRows).toEqual([['Title'], ['Süddeal']]);
  });

  it('exports the overdue invoices with the figure’s group, as kpiInvoices lists them', async () => {
    const response = await get(`/export/kpi/invoices.csv?${query({ figure: 'INVOICES_OVERDUE', columns: 'number,account', locale: 'de' })}`, org.northManager.token);
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { bom: true, delimiter: ';' }) as string[][];
    const drill = await connection('kpiInvoices', 'INVOICES_OVERDUE', org.northManager.token, 'number');
    expect(rows).toEqual([['Nummer', 'Firma'], ...drill.edges.map((edge) => [edge.node.number, 'Nordkunde'])]);
    expect(rows.slice(1).map(([number]) => number)).toEqual(['INV-K-2', 'INV-K-1']);
    const admin = await connection('kpiInvoices', 'INVOICES_OVERDUE', org.admin.token, 'number');
    const southAccount = await t.prisma.account.findFirstOrThrow({ where: { name: 'Südkunde' } });
    const group = { accountId: globalId('Account', southAccount.id) };
    const bySouth = await csv(await get(`/export/kpi/invoices.csv?${query({ figure: 'INVOICES_OVERDUE', group, columns: 'number' })}`, org.admin.token));
    expect(bySouth).toEqual([['Number'], ['INV-K-4']]);
    expect(admin.totalCount).toBe(3);
  });

  it('pages through the drill-down batch by batch, in its order', async () => {
    const viewer = (await authenticate(t.prisma, `Bearer ${org.admin.token}`))!;
    const kpi = kpiQuery(viewer, {}, { timeZone: 'Europe/Berlin', staleAfterDays: 14 }, new Date());
    const batches: string[][][] = [];
    for await (const batch of kpiExportRows(t.prisma, { kind: 'opportunities', kpi, figure: 'DEALS_OPEN', group: {} }, { locale: 'en', columns: ['title'], batchSize: 2 })) {
      batches.push(batch);
    }
    expect(batches.map((batch) => batch.length)).toEqual([1, 2, 2, 1]);
    const drill = await connection('kpiOpportunities', 'DEALS_OPEN', org.admin.token, 'title');
    expect(batches.slice(1).flat().map(([title]) => title)).toEqual(drill.edges.map((edge) => edge.node.title));
  });

  it('refuses SERVICE users and anonymous callers, as the drill-down does', async () => {
    for (const kind of ['opportunities', 'invoices', 'accounts']) {
      const response = await get(`/export/kpi/${kind}.csv?figure=${kind === 'opportunities' ? 'DEALS_OPEN' : kind === 'invoices' ? 'INVOICES_OVERDUE' : 'ALL'}`, org.service.token);
      expect(response.status, kind).toBe(403);
      expect((await response.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await get('/export/kpi/opportunities.csv?figure=DEALS_OPEN')).status).toBe(401);
  });

  it('answers bad arguments with field errors before sending any CSV', async () => {
    const cases: Array<[string, string]> = [
      ['/export/kpi/opportunities.csv', 'figure'],
      ['/export/kpi/opportunities.csv?figure=INVOICES_OVERDUE', 'figure'],
      [`/export/kpi/opportunities.csv?figure=DEALS_OPEN&period=${encodeURIComponent('{from')}`, 'period'],
      [`/export/kpi/opportunities.csv?${query({ figure: 'DEALS_WON', period: { from: '2026-05-01', to: '2026-04-01' } })}`, 'period.to'],
      [`/export/kpi/invoices.csv?${query({ figure: 'INVOICES_OVERDUE', group: { stageId: globalId('Stage', stageId) } })}`, 'group.stageId'],
      [`/export/kpi/opportunities.csv?${query({ figure: 'FOLLOWED', asOf: new Date(Date.now() - 86_400_000).toISOString() })}`, 'asOf'],
      [`/export/kpi/opportunities.csv?${query({ figure: 'DEALS_OPEN', columns: 'title,salary' })}`, 'columns'],
    ];
    for (const [path, field] of cases) {
      const response = await get(path, org.northSales.token);
      expect(response.status, path).toBe(400);
      const body = await response.json();
      expect(body.errors[0].extensions.code, path).toBe('BAD_USER_INPUT');
      expect(body.errors[0].extensions.fieldErrors[0].field, path).toBe(field);
    }
  });
});
