import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAdminOnly, readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createOpportunityRow } from '../test/opportunity-row.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let readOnlyToken: string;

const PIPELINE_FIELDS = 'id name kind position stages { id name position probability } activityPlan { type subject dayOffset durationMinutes }';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreatePipelineInput!) {
    createPipeline(input: $input) {
      __typename
      ... on CreatePipelineSuccess { pipeline { ${PIPELINE_FIELDS} } }
      ... on ValidationError { fieldErrors { field reason message } }
    }
  }
`;
const RENAME = `mutation($id: ID!, $name: String!) {
  renamePipeline(id: $id, name: $name) { __typename ... on RenamePipelineSuccess { pipeline { name } } ... on ValidationError { fieldErrors { field reason } } }
}`;
const REORDER = `mutation($ids: [ID!]!) {
  reorderPipelines(ids: $ids) { __typename ... on ReorderPipelinesSuccess { pipelines { name position } } ... on ValidationError { fieldErrors { field reason } } }
}`;
const DELETE = `mutation($id: ID!) {
  deletePipeline(id: $id) { __typename ... on DeletePipelineSuccess { deletedId } ... on ValidationError { fieldErrors { field reason message } } }
}`;
const ADD_STAGE = `mutation($pipelineId: ID!, $name: String!, $probability: Int!, $position: Int) {
  addStage(pipelineId: $pipelineId, name: $name, probability: $probability, position: $position) {
    __typename
    ... on AddStageSuccess { stage { id name position probability pipeline { stages { name position } } } }
    ... on ValidationError { fieldErrors { field reason } }
  }
}`;
const UPDATE_STAGE = `mutation($id: ID!, $name: String, $probability: Int) {
  updateStage(id: $id, name: $name, probability: $probability) {
    __typename ... on UpdateStageSuccess { stage { name probability } } ... on ValidationError { fieldErrors { field reason } }
  }
}`;
const REORDER_STAGES = `mutation($pipelineId: ID!, $stageIds: [ID!]!) {
  reorderStages(pipelineId: $pipelineId, stageIds: $stageIds) {
    __typename ... on ReorderStagesSuccess { pipeline { stages { name position } } } ... on ValidationError { fieldErrors { field reason } }
  }
}`;
const DELETE_STAGE = `mutation($id: ID!) {
  deleteStage(id: $id) {
    __typename ... on DeleteStageSuccess { pipeline { stages { name position } } } ... on ValidationError { fieldErrors { field reason message } }
  }
}`;
const SET_PLAN = `mutation($pipelineId: ID!, $steps: [ActivityPlanStepInput!]!) {
  setActivityPlan(pipelineId: $pipelineId, steps: $steps) {
    __typename
    ... on SetActivityPlanSuccess { pipeline { activityPlan { type subject dayOffset durationMinutes } } }
    ... on ValidationError { fieldErrors { field reason } }
  }
}`;

async function create(input: Record<string, unknown>, token = org.admin.token) {
  const response = await t.graphql(CREATE, { input }, token);
  expect(response.errors).toBeUndefined();
  return response.data.createPipeline;
}

async function createPipeline(name: string, stages = ['Neu', 'Qualifiziert', 'Angebot'], kind = 'DEAL') {
  const result = await create({ name, kind, stages: stages.map((stage, index) => ({ name: stage, probability: (index + 1) * 10 })) });
  expect(result.__typename).toBe('CreatePipelineSuccess');
  return result.pipeline as { id: string; stages: { id: string; name: string }[] };
}

async function run(operation: string, variables: Record<string, unknown>, token = org.admin.token) {
  const response = await t.graphql(operation, variables, token);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data)[0] as any;
}

const dbId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1];

const createOpportunityIn = (pipelineId: string, stageId: string) =>
  createOpportunityRow(t.prisma, org, { pipelineId: dbId(pipelineId), stageId: dbId(stageId) });

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  readOnlyToken = await readOnlyAdminToken(t, org);
});
afterAll(() => t.close());

describe('createPipeline', () => {
  it('creates a pipeline with its stages in order, after the existing pipelines', async () => {
    const first = await createPipeline('Leads Web', ['Neu', 'Kontaktiert'], 'LEAD');
    const result = await create({
      name: '  Projektgeschäft ',
      kind: 'DEAL',
      stages: [
        { name: 'Bedarf', probability: 10 },
        { name: 'Angebot', probability: 50 },
        { name: 'Verhandlung', probability: 80 },
      ],
    });
    expect(result.pipeline).toMatchObject({
      name: 'Projektgeschäft',
      kind: 'DEAL',
      stages: [
        { name: 'Bedarf', position: 0, probability: 10 },
        { name: 'Angebot', position: 1, probability: 50 },
        { name: 'Verhandlung', position: 2, probability: 80 },
      ],
      activityPlan: [],
    });
    expect(result.pipeline.position).toBeGreaterThan((await t.prisma.pipeline.findUniqueOrThrow({ where: { id: dbId(first.id) } })).position);
  });

  it('returns typed field errors and writes nothing for bad input', async () => {
    const before = await t.prisma.pipeline.count();
    const result = await create({
      name: ' ',
      kind: 'LEAD',
      stages: [
        { name: 'Neu', probability: 101 },
        { name: '', probability: -1 },
        { name: 'neu', probability: 20 },
      ],
    });
    expect(result.__typename).toBe('ValidationError');
    const reasons = Object.fromEntries(result.fieldErrors.map((error: any) => [error.field, error.reason]));
    expect(reasons).toEqual({
      name: 'REQUIRED',
      'stages.0.probability': 'TOO_LARGE',
      'stages.1.name': 'REQUIRED',
      'stages.1.probability': 'TOO_SMALL',
    });
    expect(await t.prisma.pipeline.count()).toBe(before);
  });

  it('requires at least one stage and distinct stage names', async () => {
    const empty = await create({ name: 'Leer', kind: 'LEAD', stages: [] });
    expect(empty.fieldErrors).toEqual([expect.objectContaining({ field: 'stages', reason: 'TOO_SMALL' })]);
    const twice = await create({ name: 'Doppelt', kind: 'LEAD', stages: [{ name: 'Neu', probability: 0 }, { name: 'NEU', probability: 5 }] });
    expect(twice.fieldErrors).toEqual([expect.objectContaining({ field: 'stages.1.name', reason: 'TAKEN' })]);
  });

  it('refuses a name that is taken (case-insensitively)', async () => {
    await createPipeline('Service-Verträge');
    const result = await create({ name: 'service-verträge', kind: 'DEAL', stages: [{ name: 'A', probability: 0 }] });
    expect(result.fieldErrors).toEqual([expect.objectContaining({ field: 'name', reason: 'TAKEN' })]);
  });
});

describe('reading pipelines', () => {
  it('lists pipelines by position, filters by kind and finds one by id', async () => {
    const all = await t.graphql('{ pipelines { name kind position } }', {}, org.northSales.token);
    const positions = all.data.pipelines.map((pipeline: any) => pipeline.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const leads = await t.graphql('{ pipelines(kind: LEAD) { kind } }', {}, org.northManager.token);
    expect(leads.data.pipelines.length).toBeGreaterThan(0);
    expect(leads.data.pipelines.every((pipeline: any) => pipeline.kind === 'LEAD')).toBe(true);

    const { id } = await t.prisma.pipeline.findUniqueOrThrow({ where: { name: 'Projektgeschäft' } });
    const one = await t.graphql('query($id: ID!) { pipeline(id: $id) { name stages { name } } }', { id: globalId('Pipeline', id) }, org.northSales.token);
    expect(one.data.pipeline).toEqual({ name: 'Projektgeschäft', stages: [{ name: 'Bedarf' }, { name: 'Angebot' }, { name: 'Verhandlung' }] });
    const missing = await t.graphql('query($id: ID!) { pipeline(id: $id) { name } }', { id: globalId('Pipeline', '0190a5d2-0000-7000-8000-000000000000') }, org.admin.token);
    expect(missing.data.pipeline).toBeNull();
  });

  it('is not for SERVICE users or anonymous callers', async () => {
    const service = await t.graphql('{ pipelines { name } }', {}, org.service.token);
    expect(service.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.graphql('{ pipelines { name } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('costs the same number of SQL statements for 3 and for 12 pipelines with stages and plans', async () => {
    const QUERY = `{ pipelines { id name kind stages { id name probability pipeline { name } } activityPlan { type subject dayOffset } } }`;
    const small = await countStatements(t.db, () => t.graphql(QUERY, {}, org.northSales.token));
    for (let index = 0; index < 8; index += 1) {
      const pipeline = await createPipeline(`Bulk ${index}`, ['Eins', 'Zwei', 'Drei', 'Vier']);
      await run(SET_PLAN, { pipelineId: pipeline.id, steps: [{ type: 'CALL', subject: 'Anrufen', dayOffset: 0 }, { type: 'TASK', subject: 'Nachfassen', dayOffset: 3 }] });
    }
    const large = await countStatements(t.db, () => t.graphql(QUERY, {}, org.northSales.token));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data.pipelines.length).toBeGreaterThanOrEqual(small.result.data.pipelines.length + 8);
    expect(large.statements.length).toBe(small.statements.length);
    // Authentication (3), then one batch each for pipelines, stages, plan steps and the stages' pipelines.
    expect(large.statements.length).toBeLessThanOrEqual(7);
  });
});

describe('changing pipelines', () => {
  it('renames, refusing a taken name', async () => {
    const pipeline = await createPipeline('Alt');
    expect(await run(RENAME, { id: pipeline.id, name: 'Neu benannt' })).toMatchObject({ pipeline: { name: 'Neu benannt' } });
    const taken = await run(RENAME, { id: pipeline.id, name: 'PROJEKTGESCHÄFT' });
    expect(taken.fieldErrors).toEqual([{ field: 'name', reason: 'TAKEN' }]);
  });

  it('reorders all pipelines and refuses an incomplete or repeated list', async () => {
    const ids = (await t.prisma.pipeline.findMany({ orderBy: { position: 'asc' }, select: { id: true } })).map((row) => globalId('Pipeline', row.id));
    const reversed = [...ids].reverse();
    const result = await run(REORDER, { ids: reversed });
    expect(result.__typename).toBe('ReorderPipelinesSuccess');
    expect(result.pipelines.map((pipeline: any) => pipeline.position)).toEqual(ids.map((_, index) => index));
    const listed = await t.graphql('{ pipelines { id } }', {}, org.admin.token);
    expect(listed.data.pipelines.map((pipeline: any) => pipeline.id)).toEqual(reversed);

    const missing = await run(REORDER, { ids: reversed.slice(1) });
    expect(missing.fieldErrors).toEqual([{ field: 'ids', reason: 'MISMATCH' }]);
    const repeated = await run(REORDER, { ids: [reversed[0], ...reversed.slice(0, -1)] });
    expect(repeated.fieldErrors).toEqual([{ field: 'ids', reason: 'MISMATCH' }]);
    const foreign = await run(REORDER, { ids: [...reversed.slice(1), globalId('Stage', '0190a5d2-0000-7000-8000-000000000000')] });
    expect(foreign.fieldErrors).toEqual([{ field: `ids.${reversed.length - 1}`, reason: 'INVALID_ID' }]);
    const after = await t.graphql('{ pipelines { id } }', {}, org.admin.token);
    expect(after.data.pipelines.map((pipeline: any) => pipeline.id)).toEqual(reversed);
  });

  it('deletes an empty pipeline with its stages and plan, but not one with opportunities', async () => {
    const empty = await createPipeline('Kurzlebig');
    await run(SET_PLAN, { pipelineId: empty.id, steps: [{ type: 'NOTE', subject: 'Notiz', dayOffset: 1 }] });
    expect(await run(DELETE, { id: empty.id })).toEqual({ __typename: 'DeletePipelineSuccess', deletedId: empty.id });
    expect(await t.prisma.stage.count({ where: { pipelineId: dbId(empty.id) } })).toBe(0);
    expect(await t.prisma.activityPlanStep.count({ where: { pipelineId: dbId(empty.id) } })).toBe(0);

    const busy = await createPipeline('Belegt');
    await createOpportunityIn(busy.id, busy.stages[1].id);
    await createOpportunityIn(busy.id, busy.stages[2].id);
    const refused = await run(DELETE, { id: busy.id });
    expect(refused.fieldErrors).toEqual([
      { field: 'id', reason: 'NOT_EMPTY', message: 'The pipeline still has 2 opportunities: move or delete them first.' },
    ]);
    expect(await t.prisma.pipeline.count({ where: { id: dbId(busy.id) } })).toBe(1);
    const counted = await t.graphql('query($id: ID!) { pipeline(id: $id) { opportunityCount stages { opportunityCount } } }', { id: busy.id }, org.admin.token);
    expect(counted.data.pipeline).toEqual({ opportunityCount: 2, stages: [{ opportunityCount: 0 }, { opportunityCount: 1 }, { opportunityCount: 1 }] });
    const southCount = await t.graphql('query($id: ID!) { pipeline(id: $id) { opportunityCount } }', { id: busy.id }, org.southSales.token);
    expect(southCount.data.pipeline.opportunityCount).toBe(0);
  });

  it('reports a missing pipeline as NOT_FOUND and a malformed id as a field error', async () => {
    const missing = await t.graphql(RENAME, { id: globalId('Pipeline', '0190a5d2-0000-7000-8000-000000000000'), name: 'X' }, org.admin.token);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await run(DELETE, { id: globalId('Stage', '0190a5d2-0000-7000-8000-000000000000') });
    expect(malformed.fieldErrors).toEqual([expect.objectContaining({ field: 'id', reason: 'INVALID_ID' })]);
  });
});

describe('stages', () => {
  it('adds a stage at the end or at a position, renumbering the others', async () => {
    const pipeline = await createPipeline('Stufen', ['A', 'B']);
    const atEnd = await run(ADD_STAGE, { pipelineId: pipeline.id, name: 'D', probability: 90 });
    expect(atEnd.stage).toMatchObject({ name: 'D', position: 2, probability: 90 });
    const inserted = await run(ADD_STAGE, { pipelineId: pipeline.id, name: 'C', probability: 60, position: 2 });
    expect(inserted.stage.pipeline.stages).toEqual([
      { name: 'A', position: 0 },
      { name: 'B', position: 1 },
      { name: 'C', position: 2 },
      { name: 'D', position: 3 },
    ]);
    const first = await run(ADD_STAGE, { pipelineId: pipeline.id, name: 'Start', probability: 5, position: 0 });
    expect(first.stage.pipeline.stages.map((stage: any) => stage.name)).toEqual(['Start', 'A', 'B', 'C', 'D']);
  });

  it('validates a new stage', async () => {
    const pipeline = await createPipeline('Stufen prüfen', ['A']);
    const bad = await run(ADD_STAGE, { pipelineId: pipeline.id, name: '', probability: 150, position: -1 });
    expect(Object.fromEntries(bad.fieldErrors.map((error: any) => [error.field, error.reason]))).toEqual({
      name: 'REQUIRED',
      probability: 'TOO_LARGE',
      position: 'TOO_SMALL',
    });
    const tooFar = await run(ADD_STAGE, { pipelineId: pipeline.id, name: 'B', probability: 10, position: 5 });
    expect(tooFar.fieldErrors).toEqual([{ field: 'position', reason: 'TOO_LARGE' }]);
    const taken = await run(ADD_STAGE, { pipelineId: pipeline.id, name: 'a', probability: 10 });
    expect(taken.fieldErrors).toEqual([{ field: 'name', reason: 'TAKEN' }]);
    expect(await t.prisma.stage.count({ where: { pipelineId: dbId(pipeline.id) } })).toBe(1);
  });

  it('renames a stage and changes its default probability', async () => {
    const pipeline = await createPipeline('Stufen ändern', ['A', 'B']);
    const renamed = await run(UPDATE_STAGE, { id: pipeline.stages[0].id, name: 'Erstkontakt', probability: 15 });
    expect(renamed.stage).toEqual({ name: 'Erstkontakt', probability: 15 });
    const taken = await run(UPDATE_STAGE, { id: pipeline.stages[0].id, name: 'b' });
    expect(taken.fieldErrors).toEqual([{ field: 'name', reason: 'TAKEN' }]);
    const sameName = await run(UPDATE_STAGE, { id: pipeline.stages[1].id, name: 'B', probability: 40 });
    expect(sameName.stage).toEqual({ name: 'B', probability: 40 });
  });

  it('reorders stages, accepting only exactly the pipeline’s stages', async () => {
    const pipeline = await createPipeline('Umsortieren', ['A', 'B', 'C']);
    const [a, b, c] = pipeline.stages.map((stage) => stage.id);
    const result = await run(REORDER_STAGES, { pipelineId: pipeline.id, stageIds: [c, a, b] });
    expect(result.pipeline.stages).toEqual([
      { name: 'C', position: 0 },
      { name: 'A', position: 1 },
      { name: 'B', position: 2 },
    ]);
    const other = await createPipeline('Andere', ['X']);
    for (const stageIds of [[a, b], [a, b, c, other.stages[0].id], [a, a, b], [b, c, other.stages[0].id]]) {
      const refused = await run(REORDER_STAGES, { pipelineId: pipeline.id, stageIds });
      expect(refused.fieldErrors).toEqual([{ field: 'stageIds', reason: 'MISMATCH' }]);
    }
    const stored = await t.prisma.stage.findMany({ where: { pipelineId: dbId(pipeline.id) }, orderBy: { position: 'asc' } });
    expect(stored.map((stage) => stage.name)).toEqual(['C', 'A', 'B']);
  });

  it('deletes an empty stage and closes the gap, but not a stage with opportunities nor the last one', async () => {
    const pipeline = await createPipeline('Löschen', ['A', 'B', 'C']);
    const [a, b, c] = pipeline.stages.map((stage) => stage.id);
    const deleted = await run(DELETE_STAGE, { id: b });
    expect(deleted.pipeline.stages).toEqual([
      { name: 'A', position: 0 },
      { name: 'C', position: 1 },
    ]);
    await createOpportunityIn(pipeline.id, c);
    const busy = await run(DELETE_STAGE, { id: c });
    expect(busy.fieldErrors).toEqual([{ field: 'id', reason: 'NOT_EMPTY', message: 'The stage still has 1 opportunity: move them first.' }]);
    const single = await createPipeline('Einzeln', ['Nur']);
    const last = await run(DELETE_STAGE, { id: single.stages[0].id });
    expect(last.fieldErrors).toEqual([expect.objectContaining({ field: 'id', reason: 'LAST_STAGE' })]);
    expect(await t.prisma.stage.count({ where: { id: { in: [dbId(a), dbId(c), dbId(single.stages[0].id)] } } })).toBe(3);
  });
});

describe('activity plan', () => {
  it('replaces the plan, keeping the given order', async () => {
    const pipeline = await createPipeline('Mit Plan');
    const first = await run(SET_PLAN, {
      pipelineId: pipeline.id,
      steps: [
        { type: 'CALL', subject: 'Erstgespräch', dayOffset: 0, durationMinutes: 30 },
        { type: 'EMAIL', subject: 'Unterlagen senden', dayOffset: 1 },
        { type: 'MEETING', subject: 'Vor-Ort-Termin', dayOffset: 7, durationMinutes: 90 },
      ],
    });
    expect(first.pipeline.activityPlan).toEqual([
      { type: 'CALL', subject: 'Erstgespräch', dayOffset: 0, durationMinutes: 30 },
      { type: 'EMAIL', subject: 'Unterlagen senden', dayOffset: 1, durationMinutes: null },
      { type: 'MEETING', subject: 'Vor-Ort-Termin', dayOffset: 7, durationMinutes: 90 },
    ]);
    const second = await run(SET_PLAN, { pipelineId: pipeline.id, steps: [{ type: 'TASK', subject: 'Angebot nachfassen', dayOffset: 14 }] });
    expect(second.pipeline.activityPlan).toEqual([{ type: 'TASK', subject: 'Angebot nachfassen', dayOffset: 14, durationMinutes: null }]);
    const cleared = await run(SET_PLAN, { pipelineId: pipeline.id, steps: [] });
    expect(cleared.pipeline.activityPlan).toEqual([]);
  });

  it('validates every step and keeps the old plan on error', async () => {
    const pipeline = await createPipeline('Plan prüfen');
    await run(SET_PLAN, { pipelineId: pipeline.id, steps: [{ type: 'CALL', subject: 'Bleibt', dayOffset: 2 }] });
    const bad = await run(SET_PLAN, {
      pipelineId: pipeline.id,
      steps: [
        { type: 'CALL', subject: 'Gut', dayOffset: 0 },
        { type: 'TASK', subject: ' ', dayOffset: -1, durationMinutes: 0 },
      ],
    });
    expect(Object.fromEntries(bad.fieldErrors.map((error: any) => [error.field, error.reason]))).toEqual({
      'steps.1.subject': 'REQUIRED',
      'steps.1.dayOffset': 'TOO_SMALL',
      'steps.1.durationMinutes': 'TOO_SMALL',
    });
    const stored = await t.prisma.activityPlanStep.findMany({ where: { pipelineId: dbId(pipeline.id) } });
    expect(stored.map((step) => step.subject)).toEqual(['Bleibt']);
  });
});

describe('access', () => {
  it('lets only administrators change pipelines, stages and plans', async () => {
    const pipeline = await createPipeline('Geschützt', ['A', 'B']);
    const [a, b] = pipeline.stages.map((stage) => stage.id);
    const before = await t.prisma.pipeline.findUniqueOrThrow({ where: { id: dbId(pipeline.id) }, include: { stages: true, planSteps: true } });
    const attempts: Array<[string, Record<string, unknown>]> = [
      [CREATE, { input: { name: 'Fremd', kind: 'LEAD', stages: [{ name: 'A', probability: 0 }] } }],
      [RENAME, { id: pipeline.id, name: 'Gekapert' }],
      [REORDER, { ids: [pipeline.id] }],
      [DELETE, { id: pipeline.id }],
      [ADD_STAGE, { pipelineId: pipeline.id, name: 'C', probability: 50 }],
      [UPDATE_STAGE, { id: a, probability: 99 }],
      [REORDER_STAGES, { pipelineId: pipeline.id, stageIds: [b, a] }],
      [DELETE_STAGE, { id: b }],
      [SET_PLAN, { pipelineId: pipeline.id, steps: [{ type: 'CALL', subject: 'X', dayOffset: 0 }] }],
    ];
    for (const [operation, variables] of attempts) await expectAdminOnly(t, org, readOnlyToken, operation, variables);
    const after = await t.prisma.pipeline.findUniqueOrThrow({ where: { id: dbId(pipeline.id) }, include: { stages: true, planSteps: true } });
    expect(after).toEqual(before);
    expect(await t.prisma.pipeline.count({ where: { name: 'Fremd' } })).toBe(0);
  });
});
