import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation } from '../test/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { ForbiddenError } from './errors.ts';
import { addStage, createPipeline, deleteStage, duplicateStageNames, reorderStages } from './pipelines.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let admin: Viewer;
let sales: Viewer;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  const org = await createOrganisation(prisma);
  admin = (await authenticate(prisma, `Bearer ${org.admin.token}`))!;
  sales = (await authenticate(prisma, `Bearer ${org.northSales.token}`))!;
});
afterAll(() => database.drop());

const positions = async (pipelineId: string) =>
  (await prisma.stage.findMany({ where: { pipelineId }, orderBy: { position: 'asc' } })).map((stage) => [stage.name, stage.position]);

describe('pipeline rules', () => {
  it('refuses non-administrators even when called directly', async () => {
    await expect(createPipeline(prisma, sales, { name: 'X', kind: 'LEAD', stages: [{ name: 'A', probability: 0 }] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPipeline(prisma, { ...admin, readOnly: true }, { name: 'X', kind: 'LEAD', stages: [{ name: 'A', probability: 0 }] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await prisma.pipeline.count()).toBe(0);
  });

  it('keeps stage positions 0..n-1 through inserts, reorders and deletes', async () => {
    const pipeline = await createPipeline(prisma, admin, { name: 'Positionen', kind: 'DEAL', stages: [{ name: 'A', probability: 10 }, { name: 'B', probability: 20 }] });
    const c = await addStage(prisma, admin, { pipelineId: pipeline.id, name: 'C', probability: 30, position: 1 });
    expect(c.position).toBe(1);
    expect(await positions(pipeline.id)).toEqual([['A', 0], ['C', 1], ['B', 2]]);
    const stages = await prisma.stage.findMany({ where: { pipelineId: pipeline.id }, orderBy: { position: 'asc' } });
    await reorderStages(prisma, admin, { pipelineId: pipeline.id, stageIds: [stages[2].id, stages[0].id, stages[1].id] });
    expect(await positions(pipeline.id)).toEqual([['B', 0], ['A', 1], ['C', 2]]);
    await deleteStage(prisma, admin, stages[0].id);
    expect(await positions(pipeline.id)).toEqual([['B', 0], ['C', 1]]);
  });

  it('serialises concurrent stage inserts into one pipeline', async () => {
    const pipeline = await createPipeline(prisma, admin, { name: 'Gleichzeitig', kind: 'LEAD', stages: [{ name: 'Start', probability: 0 }] });
    await Promise.all(['W', 'X', 'Y', 'Z'].map((name) => addStage(prisma, admin, { pipelineId: pipeline.id, name, probability: 50 })));
    const stored = await positions(pipeline.id);
    expect(stored.map(([, position]) => position)).toEqual([0, 1, 2, 3, 4]);
    expect(stored.map(([name]) => name).sort()).toEqual(['Start', 'W', 'X', 'Y', 'Z']);
  });
});

describe('duplicateStageNames', () => {
  it('reports every repetition after the first, ignoring case', () => {
    expect(duplicateStageNames(['Neu', 'Angebot', 'neu', 'ANGEBOT', 'Neu'])).toEqual([
      { field: 'stages.2.name', reason: 'TAKEN', message: 'Two stages cannot have the same name.' },
      { field: 'stages.3.name', reason: 'TAKEN', message: 'Two stages cannot have the same name.' },
      { field: 'stages.4.name', reason: 'TAKEN', message: 'Two stages cannot have the same name.' },
    ]);
    expect(duplicateStageNames(['A', 'B'])).toEqual([]);
  });
});
