import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opportunity } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let north: Opportunity;
let south: Opportunity;
let readOnlyToken: string;

const HOUR = 3_600_000;
const fromNow = (hours: number) => new Date(Date.now() + hours * HOUR);

const ACTIVITY_FIELDS = /* GraphQL */ `
  id type subject notes status dueAt doneAt durationMinutes viewerCanEdit
  opportunity { title } account { name } contact { fullName } assignee { name } createdBy { name }
`;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateActivityInput!) {
    createActivity(input: $input) {
      __typename
      ... on CreateActivitySuccess { activity { ${ACTIVITY_FIELDS} } }
      ... on ValidationError { fieldErrors { field reason message } }
    }
  }
`;

const COMPLETE = /* GraphQL */ `
  mutation Complete($id: ID!, $done: Boolean) {
    completeActivity(id: $id, done: $done) {
      __typename
      ... on CompleteActivitySuccess { activity { id status doneAt } }
      ... on ValidationError { fieldErrors { field reason } }
    }
  }
`;

const DELETE = /* GraphQL */ `
  mutation Delete($id: ID!) {
    deleteActivity(id: $id) { __typename ... on DeleteActivitySuccess { deletedId } ... on ValidationError { fieldErrors { field reason } } }
  }
`;

const LIST = /* GraphQL */ `
  query List($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${ACTIVITY_FIELDS} } }
    }
  }
`;

const oppId = (opportunity: Opportunity) => globalId('Opportunity', opportunity.id);

async function create(token: string, input: Record<string, unknown>) {
  const response = await t.graphql(CREATE, { input: { type: 'CALL', subject: 'Anruf', ...input } }, token);
  expect(response.errors).toBeUndefined();
  return response.data.createActivity;
}

/** Rows written directly, for lists and statement counts. */
async function insertActivities(opportunity: Opportunity, count: number, data: { assigneeId?: string; dueAt?: (index: number) => Date | null } = {}) {
  await t.prisma.activity.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      type: 'TASK' as const,
      subject: `Aufgabe ${index}`,
      opportunityId: opportunity.id,
      accountId: opportunity.accountId,
      teamId: opportunity.teamId,
      assigneeId: data.assigneeId ?? opportunity.ownerId,
      createdById: opportunity.ownerId,
      dueAt: data.dueAt ? data.dueAt(index) : fromNow(index),
      doneAt: index % 3 === 0 ? fromNow(-index) : null,
    })),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  north = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, title: 'Nordsee Windpark' });
  south = await insertOpportunity(t.prisma, { owner: org.southSales, teamId: org.south.id, title: 'Alpen Seilbahn' });
  const token = await t.graphql(
    'mutation { createApiToken(name: "read-only", readOnly: true) { ... on CreatedApiToken { token } } }',
    {},
    org.admin.token,
  );
  readOnlyToken = token.data.createApiToken.token;
});

afterAll(async () => {
  await t.close();
});

describe('createActivity, completeActivity, deleteActivity', () => {
  it('logs an activity on an opportunity, completes it and deletes it', async () => {
    const created = await create(org.northSales.token, { opportunityId: oppId(north), dueAt: fromNow(2), durationMinutes: 30, notes: 'Preis' });
    expect(created.__typename).toBe('CreateActivitySuccess');
    expect(created.activity).toMatchObject({
      type: 'CALL',
      status: 'OPEN',
      doneAt: null,
      durationMinutes: 30,
      viewerCanEdit: true,
      opportunity: { title: 'Nordsee Windpark' },
      account: { name: expect.any(String) },
      contact: null,
      assignee: { name: 'Nils Sales' },
      createdBy: { name: 'Nils Sales' },
    });
    const id = created.activity.id;

    const completed = await t.graphql(COMPLETE, { id }, org.northSales.token);
    expect(completed.data.completeActivity).toMatchObject({ activity: { id, status: 'COMPLETED', doneAt: expect.any(String) } });
    const opportunity = await t.graphql(
      'query($id: ID!) { opportunity(id: $id) { lastActivityAt history(first: 5) { edges { node { field newValue } } } } }',
      { id: oppId(north) },
      org.northSales.token,
    );
    expect(opportunity.data.opportunity.lastActivityAt).toBe(completed.data.completeActivity.activity.doneAt);
    expect(opportunity.data.opportunity.history.edges.map((edge: any) => edge.node.field)).toEqual(['ACTIVITY_COMPLETED', 'ACTIVITY_ADDED']);

    const removed = await t.graphql(DELETE, { id }, org.northSales.token);
    expect(removed.data.deleteActivity).toEqual({ __typename: 'DeleteActivitySuccess', deletedId: id });
    expect(await t.prisma.activity.count({ where: { opportunityId: north.id } })).toBe(0);
  });

  it('returns field errors with reasons and writes nothing', async () => {
    const before = await t.prisma.activity.count();
    const invalid = await create(org.northSales.token, { subject: '  ', durationMinutes: 2000, opportunityId: 'not-an-id' });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.fieldErrors.map((error: any) => [error.field, error.reason])).toEqual([
      ['subject', 'REQUIRED'],
      ['durationMinutes', 'TOO_LARGE'],
      ['opportunityId', 'INVALID_ID'],
    ]);
    const unlinked = await create(org.northSales.token, {});
    expect(unlinked.fieldErrors).toEqual([expect.objectContaining({ field: 'opportunityId', reason: 'REQUIRED' })]);
    const foreign = await create(org.northSales.token, { opportunityId: oppId(south) });
    expect(foreign.fieldErrors).toEqual([expect.objectContaining({ field: 'opportunityId', reason: 'NOT_FOUND' })]);
    const badId = await t.graphql(COMPLETE, { id: 'nope' }, org.northSales.token);
    expect(badId.data.completeActivity.fieldErrors).toEqual([{ field: 'id', reason: 'INVALID_ID' }]);
    expect(await t.prisma.activity.count()).toBe(before);
  });
});

describe('access', () => {
  let southActivityId: string;
  let northActivityId: string;

  beforeAll(async () => {
    southActivityId = (await create(org.southSales.token, { opportunityId: oppId(south), subject: 'Süd-Anruf' })).activity.id;
    northActivityId = (await create(org.northSales.token, { opportunityId: oppId(north), subject: 'Nord-Anruf' })).activity.id;
  });

  it('refuses every call without credentials as UNAUTHENTICATED', async () => {
    for (const [query, variables] of [
      ['{ activities { totalCount } }', {}],
      ['{ myTasks { totalCount } }', {}],
      [CREATE, { input: { type: 'CALL', subject: 'x', opportunityId: oppId(north) } }],
      [COMPLETE, { id: northActivityId }],
      ['mutation($id: ID!) { followOpportunity(id: $id) { __typename } }', { id: oppId(north) }],
    ] as const) {
      const response = await t.graphql(query, variables);
      expect(response.errors?.[0].extensions?.code, query).toBe('UNAUTHENTICATED');
    }
  });

  it("hides another team's activities: null on read, absent from lists, NOT_FOUND on change", async () => {
    const read = await t.graphql('query($id: ID!) { activity(id: $id) { id } node(id: $id) { id } }', { id: southActivityId }, org.northSales.token);
    expect(read.data).toEqual({ activity: null, node: null });
    const list = await t.graphql('{ activities { edges { node { subject } } } }', {}, org.northSales.token);
    expect(list.data.activities.edges.map((edge: any) => edge.node.subject)).not.toContain('Süd-Anruf');
    for (const mutation of [COMPLETE, DELETE]) {
      const response = await t.graphql(mutation, { id: southActivityId }, org.northSales.token);
      expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect((await t.prisma.activity.findUniqueOrThrow({ where: { id: globalToDb(southActivityId) } })).doneAt).toBeNull();
  });

  it('lets a teammate read but not change an activity they neither created nor own the record of', async () => {
    const read = await t.graphql('query($id: ID!) { activity(id: $id) { subject viewerCanEdit } }', { id: northActivityId }, org.northSales2.token);
    expect(read.data.activity).toEqual({ subject: 'Nord-Anruf', viewerCanEdit: false });
    const complete = await t.graphql(COMPLETE, { id: northActivityId }, org.northSales2.token);
    expect(complete.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const manager = await t.graphql('query($id: ID!) { activity(id: $id) { viewerCanEdit } }', { id: northActivityId }, org.northManager.token);
    expect(manager.data.activity.viewerCanEdit).toBe(true);
  });

  it('keeps SERVICE users and read-only tokens out', async () => {
    const serviceList = await t.graphql('{ activities { totalCount } }', {}, org.service.token);
    expect(serviceList.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const serviceCreate = await t.graphql(CREATE, { input: { type: 'NOTE', subject: 'x', accountId: globalId('Account', north.accountId) } }, org.service.token);
    expect(serviceCreate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const serviceComplete = await t.graphql(COMPLETE, { id: northActivityId }, org.service.token);
    expect(serviceComplete.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const readOnlyList = await t.graphql('query($id: ID!) { activity(id: $id) { subject viewerCanEdit } }', { id: northActivityId }, readOnlyToken);
    expect(readOnlyList.data.activity).toEqual({ subject: 'Nord-Anruf', viewerCanEdit: false });
    for (const [mutation, variables] of [
      [CREATE, { input: { type: 'CALL', subject: 'x', opportunityId: oppId(north) } }],
      [COMPLETE, { id: northActivityId }],
      [DELETE, { id: northActivityId }],
      ['mutation($id: ID!) { applyActivityPlan(opportunityId: $id) { __typename } }', { id: oppId(north) }],
      ['mutation($id: ID!) { followOpportunity(id: $id) { __typename } }', { id: oppId(north) }],
    ] as const) {
      const response = await t.graphql(mutation, variables, readOnlyToken);
      expect(response.errors?.[0].extensions?.code, mutation).toBe('FORBIDDEN');
    }
    expect(await t.prisma.activity.count({ where: { id: globalToDb(northActivityId), doneAt: null } })).toBe(1);
  });
});

describe('lists', () => {
  it('orders open activities by due date (undated last), then completed ones by done date, across pages', async () => {
    const opportunity = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id });
    const filter = { opportunityId: oppId(opportunity) };
    for (const [subject, dueAt, done] of [
      ['undated', null, false],
      ['tomorrow', fromNow(24), false],
      ['overdue', fromNow(-48), false],
      ['done long ago', fromNow(-5), true],
      ['undated 2', null, false],
      ['next week', fromNow(24 * 7), false],
      ['done recently', fromNow(-100), true],
    ] as const) {
      const created = await create(org.northSales.token, { opportunityId: filter.opportunityId, subject, dueAt });
      if (done) await t.graphql(COMPLETE, { id: created.activity.id }, org.northSales.token);
    }
    const all = (await t.graphql(LIST, { filter }, org.northSales.token)).data.activities;
    const subjects = all.edges.map((edge: any) => edge.node.subject);
    expect(subjects.slice(0, 5)).toEqual(['overdue', 'tomorrow', 'next week', 'undated', 'undated 2']);
    // Completed in reverse order of completion: "done recently" was completed last.
    expect(subjects.slice(5)).toEqual(['done recently', 'done long ago']);
    expect(all.edges.map((edge: any) => edge.node.status)).toEqual(['OVERDUE', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'COMPLETED', 'COMPLETED']);

    const paged: string[] = [];
    let after: string | undefined;
    do {
      const page = (await t.graphql(LIST, { filter, first: 2, after }, org.northSales.token)).data.activities;
      paged.push(...page.edges.map((edge: any) => edge.node.subject));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(paged).toEqual(subjects);

    const open = await t.graphql(LIST, { filter: { ...filter, status: ['OPEN', 'OVERDUE'] } }, org.northSales.token);
    expect(open.data.activities.totalCount).toBe(5);
    const overdue = await t.graphql(LIST, { filter: { ...filter, status: 'OVERDUE' } }, org.northSales.token);
    expect(overdue.data.activities.edges.map((edge: any) => edge.node.subject)).toEqual(['overdue']);

    const onOpportunity = await t.graphql(
      'query($id: ID!) { opportunity(id: $id) { nextOpenActivity { subject status } activities(first: 10) { totalCount edges { node { subject } } } } }',
      { id: filter.opportunityId },
      org.northSales.token,
    );
    expect(onOpportunity.data.opportunity.nextOpenActivity).toEqual({ subject: 'overdue', status: 'OVERDUE' });
    expect(onOpportunity.data.opportunity.activities.edges.map((edge: any) => edge.node.subject)).toEqual(subjects);
  });

  it("lists the viewer's open tasks, overdue first (longest overdue on top), then by due date", async () => {
    const opportunity = await insertOpportunity(t.prisma, { owner: org.northManager, teamId: org.north.id });
    const mine = org.northManager.token;
    for (const [subject, dueAt] of [
      ['in a week', fromNow(24 * 7)],
      ['undated', null],
      ['overdue 1 hour', fromNow(-1)],
      ['tomorrow', fromNow(24)],
      ['overdue 2 days', fromNow(-48)],
    ] as const) {
      await create(mine, { opportunityId: oppId(opportunity), subject, dueAt });
    }
    const done = await create(mine, { opportunityId: oppId(opportunity), subject: 'done', dueAt: fromNow(-72) });
    await t.graphql(COMPLETE, { id: done.activity.id }, mine);
    await create(mine, { opportunityId: oppId(opportunity), subject: "colleague's", assigneeId: globalId('User', org.northSales.id) });

    const tasks = await t.graphql('{ myTasks(first: 10) { totalCount edges { node { subject status } } } }', {}, mine);
    expect(tasks.data.myTasks.edges.map((edge: any) => [edge.node.subject, edge.node.status])).toEqual([
      ['overdue 2 days', 'OVERDUE'],
      ['overdue 1 hour', 'OVERDUE'],
      ['tomorrow', 'OPEN'],
      ['in a week', 'OPEN'],
      ['undated', 'OPEN'],
    ]);
    expect(tasks.data.myTasks.totalCount).toBe(5);
  });

  it('reads the activities connection and board fields in a constant number of statements', async () => {
    const opportunity = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id });
    const query = (first: number) =>
      countStatements(t.db, () => t.graphql(LIST, { filter: { opportunityId: oppId(opportunity) }, first }, org.northManager.token));
    await insertActivities(opportunity, 5);
    const small = await query(50);
    expect(small.result.data.activities.edges).toHaveLength(5);
    await insertActivities(opportunity, 35);
    const large = await query(50);
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data.activities.edges).toHaveLength(40);
    expect(large.statements.length).toBe(small.statements.length);

    const pipeline = await insertPipeline(t.prisma, { name: 'Statement Count' });
    const cards = () =>
      countStatements(t.db, () =>
        t.graphql(
          `query($filter: OpportunityFilter) { opportunities(first: 100, filter: $filter) { edges { node {
             title isFollowedByViewer followers { name } nextOpenActivity { subject status assignee { name } }
          } } } }`,
          { filter: { pipelineIds: [globalId('Pipeline', pipeline.id)] } },
          org.northSales.token,
        ),
      );
    const seed = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        const card = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, pipeline });
        await insertActivities(card, 2);
        await t.prisma.opportunityFollower.create({ data: { opportunityId: card.id, userId: org.northSales.id } });
      }
    };
    await seed(3);
    const few = await cards();
    expect(few.result.errors).toBeUndefined();
    await seed(12);
    const many = await cards();
    expect(many.result.data.opportunities.edges).toHaveLength(15);
    expect(many.result.data.opportunities.edges.every((edge: any) => edge.node.isFollowedByViewer && edge.node.nextOpenActivity)).toBe(true);
    expect(many.statements.length).toBe(few.statements.length);
  });
});

describe('applyActivityPlan', () => {
  const APPLY = /* GraphQL */ `
    mutation Apply($id: ID!, $startDate: Date) {
      applyActivityPlan(opportunityId: $id, startDate: $startDate) {
        __typename
        ... on ApplyActivityPlanSuccess { activities { type subject dueAt assignee { name } } }
        ... on ValidationError { fieldErrors { field reason } }
      }
    }
  `;

  it("schedules the pipeline's plan in order, or says there is none", async () => {
    const pipeline = await insertPipeline(t.prisma, {
      name: 'Mit Plan',
      plan: [
        { type: 'CALL', subject: 'Erstgespräch', dayOffset: 0 },
        { type: 'EMAIL', subject: 'Unterlagen', dayOffset: 2 },
        { type: 'MEETING', subject: 'Termin', dayOffset: 14, durationMinutes: 60 },
      ],
    });
    const opportunity = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, pipeline });
    const applied = await t.graphql(APPLY, { id: oppId(opportunity), startDate: '2026-06-01' }, org.northManager.token);
    expect(applied.data.applyActivityPlan.activities).toEqual([
      { type: 'CALL', subject: 'Erstgespräch', dueAt: '2026-06-01T07:00:00.000Z', assignee: { name: 'Nils Sales' } },
      { type: 'EMAIL', subject: 'Unterlagen', dueAt: '2026-06-03T07:00:00.000Z', assignee: { name: 'Nils Sales' } },
      { type: 'MEETING', subject: 'Termin', dueAt: '2026-06-15T07:00:00.000Z', assignee: { name: 'Nils Sales' } },
    ]);
    const teammate = await t.graphql(APPLY, { id: oppId(opportunity) }, org.northSales2.token);
    expect(teammate.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const bare = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id });
    const none = await t.graphql(APPLY, { id: oppId(bare) }, org.northSales.token);
    expect(none.data.applyActivityPlan).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'opportunityId', reason: 'NO_ACTIVITY_PLAN' }] });
  });
});

function globalToDb(id: string) {
  return Buffer.from(id, 'base64').toString().split(':')[1];
}
