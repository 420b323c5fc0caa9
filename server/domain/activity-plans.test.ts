import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { applyActivityPlan, atOrganisationTime, NoActivityPlanError } from './activity-plans.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
let pipeline: Awaited<ReturnType<typeof insertPipeline>>;

const NOW = new Date('2026-03-10T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northManager', 'northSales', 'northSales2', 'southSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  pipeline = await insertPipeline(prisma, { name: 'Projekte' });
  // Written out of order: the plan's order is `position`, not insertion.
  await prisma.activityPlanStep.createMany({
    data: [
      { pipelineId: pipeline.id, position: 2, type: 'MEETING', subject: 'Demo vor Ort', dayOffset: 21, durationMinutes: 90 },
      { pipelineId: pipeline.id, position: 0, type: 'CALL', subject: 'Erstgespräch', dayOffset: 0, durationMinutes: 30 },
      { pipelineId: pipeline.id, position: 3, type: 'TASK', subject: 'Nachfassen', dayOffset: 3 },
      { pipelineId: pipeline.id, position: 1, type: 'TASK', subject: 'Nachfassen', dayOffset: 3 },
    ],
  });
});
afterAll(() => database.drop());

describe('atOrganisationTime', () => {
  it('is 09:00 in Berlin in winter and in summer', () => {
    expect(atOrganisationTime(new Date('2026-03-28T00:00:00Z'), 9).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(atOrganisationTime(new Date('2026-03-29T00:00:00Z'), 9).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(atOrganisationTime(new Date('2026-10-25T00:00:00Z'), 9).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });
});

describe('applyActivityPlan', () => {
  it('schedules every step in plan order, due after the start date at 09:00, for the owner', async () => {
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, pipeline });
    const created = await applyActivityPlan(prisma, viewers.northManager, opportunity.id, new Date('2026-03-20'), { now: NOW });
    expect(created.map((activity) => [activity.type, activity.subject, activity.dueAt?.toISOString(), activity.durationMinutes])).toEqual([
      ['CALL', 'Erstgespräch', '2026-03-20T08:00:00.000Z', 30],
      ['TASK', 'Nachfassen', '2026-03-23T08:00:00.000Z', null],
      ['MEETING', 'Demo vor Ort', '2026-04-10T07:00:00.000Z', 90],
      ['TASK', 'Nachfassen', '2026-03-23T08:00:00.000Z', null],
    ]);
    expect(new Set(created.map((activity) => activity.id)).size).toBe(4);
    expect(created.every((activity) => activity.assigneeId === org.northSales.id && activity.createdById === org.northManager.id)).toBe(true);
    expect(created.every((activity) => activity.teamId === org.north.id && activity.accountId === opportunity.accountId)).toBe(true);
    const after = await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });
    expect(after).toMatchObject({ version: opportunity.version, lastActivityAt: NOW });
    expect(await prisma.opportunityChange.count({ where: { opportunityId: opportunity.id, field: 'ACTIVITY_ADDED' } })).toBe(4);
  });

  it('starts today (Berlin) without a start date and assigns the viewer when the owner has left', async () => {
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales2, teamId: org.north.id, pipeline });
    await prisma.user.update({ where: { id: org.northSales2.id }, data: { active: false } });
    try {
      const created = await applyActivityPlan(prisma, viewers.northManager, opportunity.id, null, { now: new Date('2026-03-09T23:30:00Z') });
      expect(created[0].dueAt?.toISOString()).toBe('2026-03-10T08:00:00.000Z');
      expect(created.every((activity) => activity.assigneeId === org.northManager.id)).toBe(true);
    } finally {
      await prisma.user.update({ where: { id: org.northSales2.id }, data: { active: true } });
    }
  });

  it('is for those who may change the opportunity only', async () => {
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, pipeline });
    await expect(applyActivityPlan(prisma, viewers.northSales2, opportunity.id, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyActivityPlan(prisma, viewers.southSales, opportunity.id, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(applyActivityPlan(prisma, viewers.service, opportunity.id, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyActivityPlan(prisma, { ...viewers.admin, readOnly: true }, opportunity.id, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.activity.count({ where: { opportunityId: opportunity.id } })).toBe(0);
  });

  it('reports a pipeline without plan as a typed error', async () => {
    const bare = await insertPipeline(prisma, { name: 'Ohne Plan' });
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, pipeline: bare });
    const error = await applyActivityPlan(prisma, viewers.northSales, opportunity.id, null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoActivityPlanError);
    expect((error as NoActivityPlanError).fieldErrors).toEqual([expect.objectContaining({ field: 'opportunityId', reason: 'NO_ACTIVITY_PLAN' })]);
  });
});
