import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opportunity } from '../generated/prisma/client.ts';
import { readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertOpportunity } from '../test/sales-fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let north: Opportunity;
let south: Opportunity;
let readOnly: string;

const HOUR = 3_600_000;
const fromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const oppId = (opportunity: Opportunity) => globalId('Opportunity', opportunity.id);

const FIELDS = 'id type subject notes outcome status dueAt doneAt durationMinutes assignee { name } opportunity { title }';

const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { __typename
  ... on CreateActivitySuccess { activity { ${FIELDS} } } ... on ValidationError { fieldErrors { field reason } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) { __typename
  ... on UpdateActivitySuccess { activity { ${FIELDS} } } ... on ValidationError { fieldErrors { field reason } } } }`;
const RESCHEDULE = `mutation($id: ID!, $dueAt: DateTime!, $durationMinutes: Int) { rescheduleActivity(id: $id, dueAt: $dueAt, durationMinutes: $durationMinutes) { __typename
  ... on RescheduleActivitySuccess { activity { ${FIELDS} } } ... on ValidationError { fieldErrors { field reason } } } }`;
const COMPLETE = `mutation($id: ID!, $doneAt: DateTime) { completeActivity(id: $id, doneAt: $doneAt) { __typename
  ... on CompleteActivitySuccess { activity { ${FIELDS} } } ... on ValidationError { fieldErrors { field reason } } } }`;
const DELETE = `mutation($id: ID!) { deleteActivity(id: $id) { __typename ... on DeleteActivitySuccess { deletedId } } }`;
const CALENDAR = `query($from: DateTime!, $to: DateTime!, $filter: ActivityFilter) { activityCalendar(from: $from, to: $to, filter: $filter, first: 200) {
  totalCount edges { node { ${FIELDS} account { name } contact { fullName } createdBy { name } viewerCanEdit } } } }`;
const LIST = `query($filter: ActivityFilter, $orderBy: ActivityOrder) { activities(filter: $filter, orderBy: $orderBy, first: 200) {
  totalCount edges { node { ${FIELDS} account { name } viewerCanEdit } } } }`;

async function create(token: string, input: Record<string, unknown>) {
  const response = await t.graphql(CREATE, { input: { type: 'CALL', subject: 'Anruf', opportunityId: oppId(north), ...input } }, token);
  expect(response.errors).toBeUndefined();
  return response.data.createActivity;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  north = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, title: 'Förderband' });
  south = await insertOpportunity(t.prisma, { owner: org.southSales, teamId: org.south.id, title: 'Seilbahn' });
  readOnly = await readOnlyAdminToken(t, org);
});
afterAll(() => t.close());

describe('activity mutations through the API', () => {
  it('logs a past call with notes and outcome, corrects it, reschedules and completes others at a past moment', async () => {
    const logged = await create(org.northSales.token, { doneAt: fromNow(-20), notes: 'Einkauf erreicht', outcome: 'Rückruf Montag' });
    expect(logged.activity).toMatchObject({ status: 'COMPLETED', notes: 'Einkauf erreicht', outcome: 'Rückruf Montag', dueAt: logged.activity.doneAt });
    const corrected = await t.graphql(UPDATE, { id: logged.activity.id, input: { doneAt: fromNow(-22), outcome: 'Rückruf Dienstag' } }, org.northSales.token);
    expect(corrected.data.updateActivity.activity).toMatchObject({ outcome: 'Rückruf Dienstag' });
    const future = await create(org.northSales.token, { doneAt: fromNow(2) });
    expect(future).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'doneAt', reason: 'IN_FUTURE' }] });

    const task = await create(org.northSales.token, { type: 'TASK', dueAt: fromNow(3), durationMinutes: 15 });
    const moved = await t.graphql(RESCHEDULE, { id: task.activity.id, dueAt: fromNow(27) }, org.northSales.token);
    expect(moved.data.rescheduleActivity.activity).toMatchObject({ durationMinutes: 15, status: 'OPEN' });
    expect(new Date(moved.data.rescheduleActivity.activity.dueAt).getTime()).toBeGreaterThan(Date.now() + 26 * HOUR);
    const doneAt = fromNow(-1);
    const completed = await t.graphql(COMPLETE, { id: task.activity.id, doneAt }, org.northSales.token);
    expect(completed.data.completeActivity.activity).toMatchObject({ status: 'COMPLETED', doneAt });
    const again = await t.graphql(RESCHEDULE, { id: task.activity.id, dueAt: fromNow(30) }, org.northSales.token);
    expect(again.data.rescheduleActivity).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'dueAt', reason: 'ALREADY_DONE' }] });
  });

  it('refuses every activity mutation to a read-only token, and denies other teams and uninvolved teammates', async () => {
    const activity = (await create(org.northSales.token, { dueAt: fromNow(5) })).activity;
    const id = activity.id;
    for (const [mutation, variables] of [
      [CREATE, { input: { type: 'CALL', subject: 'x', opportunityId: oppId(north), doneAt: fromNow(-1) } }],
      [UPDATE, { id, input: { outcome: 'x' } }],
      [RESCHEDULE, { id, dueAt: fromNow(9) }],
      [COMPLETE, { id, doneAt: fromNow(-1) }],
      [DELETE, { id }],
    ] as const) {
      const response = await t.graphql(mutation, variables, readOnly);
      expect(response.errors?.[0].extensions?.code, mutation.slice(0, 40)).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
      expect((await t.graphql(mutation, variables, org.southManager.token)).errors?.[0].extensions?.code, `south: ${mutation.slice(0, 40)}`).toBe(
        mutation === CREATE ? undefined : 'NOT_FOUND',
      );
    }
    expect((await t.graphql(RESCHEDULE, { id, dueAt: fromNow(9) }, org.northSales2.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.graphql(DELETE, { id }, org.service.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unchanged = await t.prisma.activity.findUniqueOrThrow({ where: { id: Buffer.from(id, 'base64').toString().split(':')[1] } });
    expect(unchanged).toMatchObject({ doneAt: null, outcome: null });
    expect(unchanged.dueAt?.toISOString()).toBe(activity.dueAt);
  });
});

describe('calendar and list through the API', () => {
  const monday = new Date(Date.UTC(2027, 2, 1, 0, 0));
  const inWeek = (day: number, hour: number) => new Date(monday.getTime() + day * 86_400_000 + hour * HOUR);

  async function fillWeek(count: number) {
    await t.prisma.activity.deleteMany({ where: { subject: { startsWith: 'Woche' } } });
    await t.prisma.activity.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        type: (['CALL', 'MEETING', 'TASK'] as const)[index % 3],
        subject: `Woche ${index}`,
        opportunityId: index % 4 === 3 ? south.id : north.id,
        accountId: index % 4 === 3 ? south.accountId : north.accountId,
        teamId: index % 4 === 3 ? org.south.id : org.north.id,
        assigneeId: index % 4 === 3 ? org.southSales.id : index % 2 ? org.northSales.id : org.northManager.id,
        createdById: org.northManager.id,
        dueAt: inWeek(index % 7, 8 + (index % 9)),
        durationMinutes: 30,
        doneAt: index % 5 === 0 ? inWeek(index % 7, 9) : null,
      })),
    });
  }

  it("shows a week of the viewer's team, by due time, in a constant number of statements", async () => {
    const week = { from: monday.toISOString(), to: inWeek(7, 0).toISOString() };
    const measure = async () => {
      const { result, statements } = await countStatements(t.db, () => t.graphql(CALENDAR, week, org.northManager.token));
      expect(result.errors).toBeUndefined();
      return { result: result.data.activityCalendar, statements: statements.length };
    };
    await fillWeek(8);
    const small = await measure();
    expect(small.result.totalCount).toBe(6);
    await fillWeek(80);
    const large = await measure();
    expect(large.result.totalCount).toBe(60);
    expect(large.statements).toBe(small.statements);
    const due = large.result.edges.map((edge: any) => edge.node.dueAt);
    expect(due).toEqual([...due].sort());
    expect(JSON.stringify(large.result)).not.toContain('Seilbahn');

    const mine = await t.graphql(CALENDAR, { ...week, filter: { mine: true, types: ['MEETING'] } }, org.northSales.token);
    expect(mine.data.activityCalendar.edges.every((edge: any) => edge.node.assignee.name === 'Nils Sales' && edge.node.type === 'MEETING')).toBe(true);
  });

  it('lists with filters and a sort in a constant number of statements', async () => {
    const variables = {
      filter: { status: ['OPEN', 'OVERDUE'], assigneeIds: [globalId('User', org.northSales.id)], dueFrom: monday.toISOString(), search: 'woche' },
      orderBy: { field: 'DUE_AT', direction: 'DESC' },
    };
    const measure = async () => {
      const { result, statements } = await countStatements(t.db, () => t.graphql(LIST, variables, org.northManager.token));
      expect(result.errors).toBeUndefined();
      return { rows: result.data.activities.edges.length, statements: statements.length };
    };
    await fillWeek(8);
    const small = await measure();
    await fillWeek(80);
    const large = await measure();
    expect(large.rows).toBeGreaterThan(small.rows);
    expect(large.statements).toBe(small.statements);
  });

  it('refuses a range longer than six weeks, SERVICE and anonymous callers', async () => {
    const tooLong = await t.graphql(CALENDAR, { from: monday.toISOString(), to: inWeek(50, 0).toISOString() }, org.northManager.token);
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'to', reason: 'RANGE_TOO_LONG' }] });
    const week = { from: monday.toISOString(), to: inWeek(7, 0).toISOString() };
    expect((await t.graphql(CALENDAR, week, org.service.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.graphql(CALENDAR, week)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('winning with open activities through the API', () => {
  const WIN = `mutation($id: ID!, $choice: OpenActivitiesChoice) { winOpportunity(id: $id, openActivities: $choice) { __typename
    ... on WinOpportunitySuccess { opportunity { status activities(first: 10) { edges { node { status } } } } }
    ... on ValidationError { fieldErrors { field reason } } } }`;

  it('asks for the choice, closes them on CLOSE, and refuses a read-only token', async () => {
    const opportunity = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, title: 'Gewinn' });
    await create(org.northSales.token, { opportunityId: oppId(opportunity), dueAt: fromNow(48) });
    const missing = await t.graphql(WIN, { id: oppId(opportunity) }, org.northSales.token);
    expect(missing.data.winOpportunity).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'openActivities', reason: 'CHOICE_REQUIRED' }] });
    const refused = await t.graphql(WIN, { id: oppId(opportunity), choice: 'CLOSE' }, readOnly);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const won = await t.graphql(WIN, { id: oppId(opportunity), choice: 'CLOSE' }, org.northSales.token);
    expect(won.data.winOpportunity.opportunity).toEqual({ status: 'WON', activities: { edges: [{ node: { status: 'COMPLETED' } }] } });
  });
});
