import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline, Stage } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact, insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { authenticate } from '../auth/authenticate.ts';
import { createQuote } from '../domain/billing/quotes.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let pipeline: Pipeline & { stages: Stage[] };

const CONTACT_PAGE = /* GraphQL */ `
  query ContactPage($id: ID!) {
    contact(id: $id) {
      fullName account { name }
      counts { activities opportunities openOpportunities wonOpportunities lostOpportunities contacts quotes orders invoices }
      timeline(first: 50) { edges { node { kind at activity { subject } change { field } } } }
    }
    opportunities(filter: { contactId: $id }, first: 50) { totalCount edges { node { title status stage { name } } } }
    activities(filter: { contactId: $id }, first: 50) { totalCount edges { node { subject status } } }
    quotes(filter: { contactId: $id }, first: 50) { totalCount edges { node { number title account { name } } } }
    orders(filter: { contactId: $id }, first: 50) { totalCount edges { node { number } } }
    invoices(filter: { contactId: $id }, first: 50) { totalCount edges { node { number } } }
  }
`;

const ACCOUNTS = /* GraphQL */ `
  query Accounts {
    accounts(first: 100) { edges { node { name counts { activities opportunities openOpportunities wonOpportunities lostOpportunities contacts quotes orders invoices } } } }
  }
`;

/** A contact at an account, with opportunities and activities of its own and some of the south team. */
async function contactWithHistory(lastName: string, count: number) {
  const account = await insertAccount(t.prisma, org.northSales, org.north.id, { name: `${lastName} GmbH` });
  const contact = await insertContact(t.prisma, org.northSales, org.north.id, { accountId: account.id, lastName });
  for (let index = 0; index < count; index += 1) {
    const opportunity = await insertOpportunity(t.prisma, {
      owner: org.northSales, teamId: org.north.id, accountId: account.id, contactId: contact.id, pipeline,
      title: `${lastName} Projekt ${index}`, status: (['OPEN', 'WON', 'LOST'] as const)[index % 3],
    });
    await t.prisma.activity.create({
      data: { type: 'CALL', subject: `${lastName} Anruf ${index}`, opportunityId: opportunity.id, accountId: account.id, contactId: contact.id, teamId: org.north.id, assigneeId: org.northSales.id, createdById: org.northSales.id },
    });
    await t.prisma.opportunityChange.create({ data: { opportunityId: opportunity.id, actorId: org.northSales.id, field: 'stageId', oldValue: pipeline.stages[0].id, newValue: pipeline.stages[1].id } });
    await createQuote(t.prisma, (await authenticate(t.prisma, `Bearer ${org.northSales.token}`))!, {
      accountId: account.id, contactId: contact.id, title: `${lastName} Angebot ${index}`, lines: [{ description: 'Wartung', quantity: '1', unitPrice: '100.00' }],
    });
  }
  // The south team's deal with the same contact, which the north team must not see or count.
  const secret = await insertOpportunity(t.prisma, { owner: org.southSales, teamId: org.south.id, accountId: account.id, contactId: contact.id, pipeline, title: 'Südgeheimnis' });
  await t.prisma.opportunityChange.create({ data: { opportunityId: secret.id, actorId: org.southSales.id, field: 'CREATED' } });
  return { account, contact };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  pipeline = await insertPipeline(t.prisma, { probabilities: [10, 50] });
});
afterAll(() => t.close());

describe('contact page', () => {
  it("shows the contact's opportunities, activities, timeline and counts, without another team's records", async () => {
    const { contact } = await contactWithHistory('Brandt', 3);
    const page = await t.graphql(CONTACT_PAGE, { id: globalId('Contact', contact.id) }, org.northManager.token);
    expect(page.errors).toBeUndefined();
    expect(page.data.contact.counts).toEqual({ activities: 3, opportunities: 3, openOpportunities: 1, wonOpportunities: 1, lostOpportunities: 1, contacts: null, quotes: 3, orders: 0, invoices: 0 });
    expect(page.data.quotes.edges.map((edge: any) => edge.node.title).sort()).toEqual(['Brandt Angebot 0', 'Brandt Angebot 1', 'Brandt Angebot 2']);
    expect(page.data.quotes.totalCount).toBe(3);
    expect(page.data.opportunities.totalCount).toBe(3);
    expect(page.data.activities.edges.map((edge: any) => edge.node.subject).sort()).toEqual(['Brandt Anruf 0', 'Brandt Anruf 1', 'Brandt Anruf 2']);
    const kinds = page.data.contact.timeline.edges.map((edge: any) => edge.node.kind);
    expect(kinds.filter((kind: string) => kind === 'ACTIVITY')).toHaveLength(3);
    expect(kinds.filter((kind: string) => kind === 'CHANGE')).toHaveLength(3);
    expect(JSON.stringify(page.data)).not.toContain('Südgeheimnis');

    const south = await t.graphql(CONTACT_PAGE, { id: globalId('Contact', contact.id) }, org.southSales.token);
    expect(south.data).toMatchObject({ contact: null, opportunities: { totalCount: 1 }, activities: { totalCount: 0 }, quotes: { totalCount: 0 } });
    const service = await t.graphql('query($id: ID!) { contact(id: $id) { counts { activities opportunities } timeline(first: 5) { edges { node { kind } } } } }', { id: globalId('Contact', contact.id) }, org.service.token);
    expect(service.data.contact).toEqual({ counts: { activities: 0, opportunities: 0 }, timeline: { edges: [] } });
  });

  it('costs the same number of statements for a contact with 2 and with 12 opportunities', async () => {
    const measure = async (lastName: string, count: number) => {
      const { contact } = await contactWithHistory(lastName, count);
      const { result, statements } = await countStatements(t.db, () => t.graphql(CONTACT_PAGE, { id: globalId('Contact', contact.id) }, org.northManager.token));
      expect(result.errors).toBeUndefined();
      expect(result.data.opportunities.totalCount).toBe(count);
      expect(result.data.quotes.totalCount).toBe(count);
      return statements.length;
    };
    expect(await measure('Klein', 2)).toBe(await measure('Gross', 12));
  });
});

describe('counts in lists', () => {
  it('counts for every account of a list in one grouped statement per kind', async () => {
    const measure = async () => {
      const { result, statements } = await countStatements(t.db, () => t.graphql(ACCOUNTS, {}, org.northManager.token));
      expect(result.errors).toBeUndefined();
      return { rows: result.data.accounts.edges.length, statements: statements.length };
    };
    const before = await measure();
    for (const name of ['Anton', 'Berta', 'Caesar', 'Dora', 'Emil']) await contactWithHistory(name, 1);
    const after = await measure();
    expect(after.rows).toBe(before.rows + 5);
    expect(after.statements).toBe(before.statements);
    const anton = (await t.graphql(ACCOUNTS, {}, org.northManager.token)).data.accounts.edges.find((edge: any) => edge.node.name === 'Anton GmbH');
    expect(anton.node.counts).toEqual({ activities: 1, opportunities: 1, openOpportunities: 1, wonOpportunities: 0, lostOpportunities: 0, contacts: 1, quotes: 1, orders: 0, invoices: 0 });
  });
});
