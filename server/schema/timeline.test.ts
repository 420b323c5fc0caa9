import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let accountId: string;
let opportunityId: string;

const TIMELINE = /* GraphQL */ `
  query Timeline($id: ID!, $after: String) {
    account(id: $id) {
      timeline(first: 3, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { kind at activity { subject assignee { name } } change { field newDisplay actor { name } opportunity { title } } } }
      }
    }
  }
`;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  accountId = (await t.prisma.account.create({
    data: { name: 'Zeitstrahl GmbH', normalizedName: 'zeitstrahl', statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id },
  })).id;
  const pipeline = await t.prisma.pipeline.create({
    data: { name: 'Leads', kind: 'LEAD', stages: { create: [{ name: 'Neu', position: 0, probability: 10 }, { name: 'Qualifiziert', position: 1, probability: 40 }] } },
    include: { stages: { orderBy: { position: 'asc' } } },
  });
  const created = await t.graphql(
    'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ... on CreateOpportunitySuccess { opportunity { id } } } }',
    { input: { accountId: globalId('Account', accountId), title: 'Zeitstrahl-Projekt' } },
    org.northSales.token,
  );
  opportunityId = created.data.createOpportunity.opportunity.id;
  await t.graphql('mutation($id: ID!, $stage: ID!) { moveOpportunity(id: $id, stageId: $stage) { __typename } }', { id: opportunityId, stage: globalId('Stage', pipeline.stages[1].id) }, org.northSales.token);
  for (const [index, subject] of ['Erstes Telefonat', 'Angebot gesendet', 'Termin vor Ort'].entries()) {
    await t.prisma.activity.create({
      data: { type: 'CALL', subject, accountId, assigneeId: org.northSales.id, createdById: org.northSales.id, teamId: org.north.id, createdAt: new Date(Date.now() + (index + 1) * 60_000) },
    });
  }
});
afterAll(() => t.close());

describe('account timeline', () => {
  it('merges activities and opportunity changes newest first, page by page', async () => {
    const first = (await t.graphql(TIMELINE, { id: globalId('Account', accountId) }, org.northManager.token)).data.account.timeline;
    expect(first.edges.map((edge: any) => edge.node.activity?.subject)).toEqual(['Termin vor Ort', 'Angebot gesendet', 'Erstes Telefonat']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.graphql(TIMELINE, { id: globalId('Account', accountId), after: first.pageInfo.endCursor }, org.northManager.token)).data.account.timeline;
    const changes = second.edges.map((edge: any) => edge.node.change);
    expect(changes).toContainEqual({ field: 'stageId', newDisplay: 'Qualifiziert', actor: { name: 'Nils Sales' }, opportunity: { title: 'Zeitstrahl-Projekt' } });
    expect(changes.map((change: any) => change.field)).toContain('CREATED');
    expect(second.edges.map((edge: any) => edge.node.kind)).not.toContain('ACTIVITY');
  });

  it('shows SERVICE the account but none of its opportunity history', async () => {
    const response = await t.graphql(TIMELINE.replace('first: 3', 'first: 50'), { id: globalId('Account', accountId) }, org.service.token);
    expect(response.errors).toBeUndefined();
    expect(response.data.account.timeline.edges.every((edge: any) => edge.node.kind === 'ACTIVITY' || edge.node.change === null)).toBe(true);
    expect(JSON.stringify(response.data)).not.toContain('Qualifiziert');
  });

  it('rejects a forged cursor as bad input', async () => {
    const response = await t.graphql(TIMELINE, { id: globalId('Account', accountId), after: 'bm9wZQ' }, org.northManager.token);
    expect(response.data?.account?.timeline ?? null).toBeNull();
    expect(JSON.stringify(response.errors)).toContain('INVALID_CURSOR');
  });

  // Both pages hold activities and changes: each kind costs its own statements, once.
  it('costs the same number of statements for a short and a long page', async () => {
    // Names in newDisplay cost one batched statement per kind of field present, not per row.
    const query = TIMELINE.replace('first: 3', 'first: 50').replace('newDisplay ', '');
    const small = await countStatements(t.db, () => t.graphql(query.replace('first: 50', 'first: 4'), { id: globalId('Account', accountId) }, org.northManager.token));
    const large = await countStatements(t.db, () => t.graphql(query, { id: globalId('Account', accountId) }, org.northManager.token));
    expect(large.result.data.account.timeline.edges.length).toBeGreaterThan(5);
    expect(large.statements.length).toBe(small.statements.length);
  });
});
