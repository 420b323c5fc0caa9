import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Pipeline, PrismaClient, Stage } from '../generated/prisma/client.ts';
import {
  adminChange,
  assertCompleteOrder,
  assertNameFree,
  assertUnused,
  nextPosition,
  plural,
  reorderTable,
  sameName,
  savePositions,
  type Tx,
} from './admin-edit.ts';
import { NotFoundError, ValidationError, type FieldError } from './errors.ts';
import { entityId, omittable, requiredText } from './validation.ts';

/**
 * Pipelines, their ordered stages and their activity plans (domain.md, "Pipelines and
 * opportunities"). Administrators edit them; stage positions are always 0..n-1 within a pipeline.
 * A stage's probability is the default an opportunity gets when it moves there: changing it does
 * not touch opportunities already in the stage.
 */
export const MAX_STAGES = 30;
export const MAX_PLAN_STEPS = 50;

const probability = z.number().int('Enter a whole percentage.').min(0, 'At least 0.').max(100, 'At most 100.');
const stageInput = z.object({ name: requiredText(80), probability });
const kind = z.enum(['LEAD', 'DEAL'], { error: 'Choose LEAD or DEAL.' });

const createPipelineInput = z.object({
  name: requiredText(80),
  kind,
  stages: z.array(stageInput).min(1, 'Add at least one stage.').max(MAX_STAGES, `At most ${MAX_STAGES} stages.`),
});

const addStageInput = z.object({
  pipelineId: entityId,
  ...stageInput.shape,
  /** 0-based place among the stages; the end when omitted. */
  position: omittable(z.number().int('Enter a whole number.').min(0, 'Cannot be negative.')),
});

const updateStageInput = z.object({ id: entityId, name: omittable(stageInput.shape.name), probability: omittable(probability) });

const planStepInput = z.object({
  type: z.enum(['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE']),
  subject: requiredText(200),
  dayOffset: z.number().int('Enter a whole number of days.').min(0, 'Cannot be negative.').max(3650, 'At most 3650 days.'),
  durationMinutes: omittable(z.number().int('Enter whole minutes.').min(1, 'At least 1 minute.').max(1440, 'At most 1440 minutes.')),
});

const setActivityPlanInput = z.object({
  pipelineId: entityId,
  steps: z.array(planStepInput).max(MAX_PLAN_STEPS, `At most ${MAX_PLAN_STEPS} steps.`),
});

export type CreatePipelineInput = z.input<typeof createPipelineInput>;
export type AddStageInput = z.input<typeof addStageInput>;
export type UpdateStageInput = z.input<typeof updateStageInput>;
export type PlanStepInput = z.input<typeof planStepInput>;

export function createPipeline(prisma: PrismaClient, viewer: Viewer, rawInput: CreatePipelineInput): Promise<Pipeline> {
  return adminChange(prisma, viewer, createPipelineInput, rawInput, async (tx, input) => {
    const errors = duplicateStageNames(input.stages.map((stage) => stage.name));
    if (errors.length) throw new ValidationError(errors);
    assertNameFree(await tx.pipeline.findFirst({ where: { name: sameName(input.name) }, select: { id: true } }), 'pipeline');
    return tx.pipeline.create({
      data: {
        name: input.name,
        kind: input.kind,
        position: await nextPosition(tx, 'Pipeline'),
        stages: { create: input.stages.map((stage, position) => ({ ...stage, position })) },
      },
    });
  });
}

export function renamePipeline(prisma: PrismaClient, viewer: Viewer, rawInput: { id: string; name: string }): Promise<Pipeline> {
  return adminChange(prisma, viewer, z.object({ id: entityId, name: requiredText(80) }), rawInput, async (tx, input) => {
    await lockPipeline(tx, input.id);
    const taken = await tx.pipeline.findFirst({ where: { name: sameName(input.name), NOT: { id: input.id } }, select: { id: true } });
    assertNameFree(taken, 'pipeline');
    return tx.pipeline.update({ where: { id: input.id }, data: { name: input.name } });
  });
}

/** `ids` must list every pipeline exactly once; the first is the default for new leads or deals of its kind. */
export function reorderPipelines(prisma: PrismaClient, viewer: Viewer, ids: string[]): Promise<Pipeline[]> {
  return adminChange(prisma, viewer, z.object({ ids: z.array(entityId) }), { ids }, async (tx, input) => {
    await reorderTable(tx, 'Pipeline', input.ids, 'ids');
    return tx.pipeline.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }] });
  });
}

/** Only an empty pipeline can go (with its stages and plan): opportunities are never deleted as a side effect. */
export function deletePipeline(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string }> {
  return adminChange(prisma, viewer, z.object({ id: entityId }), { id }, async (tx, input) => {
    await lockPipeline(tx, input.id);
    const count = await tx.opportunity.count({ where: { pipelineId: input.id } });
    assertUnused(count, 'NOT_EMPTY', `The pipeline still has ${plural(count, 'opportunity', 'opportunities')}: move or delete them first.`);
    await tx.pipeline.delete({ where: { id: input.id } });
    return { id: input.id };
  });
}

export function addStage(prisma: PrismaClient, viewer: Viewer, rawInput: AddStageInput): Promise<Stage> {
  return adminChange(prisma, viewer, addStageInput, rawInput, async (tx, input) => {
    const stages = await lockPipeline(tx, input.pipelineId);
    if (stages.length >= MAX_STAGES) {
      throw ValidationError.field('pipelineId', 'TOO_MANY', `A pipeline has at most ${MAX_STAGES} stages.`);
    }
    assertStageNameFree(stages, input.name);
    const position = input.position ?? stages.length;
    if (position > stages.length) {
      throw ValidationError.field('position', 'TOO_LARGE', `The pipeline has ${stages.length} stages: choose 0 to ${stages.length}.`);
    }
    const stage = await tx.stage.create({
      data: { pipelineId: input.pipelineId, name: input.name, probability: input.probability, position },
    });
    const order = stages.map((existing) => existing.id);
    order.splice(position, 0, stage.id);
    await savePositions(tx, 'Stage', order, { pipelineId: input.pipelineId });
    return { ...stage, position };
  });
}

export function updateStage(prisma: PrismaClient, viewer: Viewer, rawInput: UpdateStageInput): Promise<Stage> {
  return adminChange(prisma, viewer, updateStageInput, rawInput, async (tx, input) => {
    const stage = await tx.stage.findUnique({ where: { id: input.id } });
    if (!stage) throw new NotFoundError('Stage');
    if (input.name !== undefined) {
      const stages = await lockPipeline(tx, stage.pipelineId);
      assertStageNameFree(stages.filter((other) => other.id !== stage.id), input.name);
    }
    return tx.stage.update({ where: { id: stage.id }, data: { name: input.name, probability: input.probability } });
  });
}

/** `stageIds` must be exactly the pipeline's stages, in their new order. */
export function reorderStages(prisma: PrismaClient, viewer: Viewer, rawInput: { pipelineId: string; stageIds: string[] }) {
  const schema = z.object({ pipelineId: entityId, stageIds: z.array(entityId) });
  return adminChange(prisma, viewer, schema, rawInput, async (tx, input) => {
    const stages = await lockPipeline(tx, input.pipelineId);
    assertCompleteOrder(input.stageIds, stages.map((stage) => stage.id), 'stageIds');
    await savePositions(tx, 'Stage', input.stageIds, { pipelineId: input.pipelineId });
    return { pipelineId: input.pipelineId };
  });
}

/** Only a stage without opportunities (open or closed), and never the last one of its pipeline. */
export function deleteStage(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string; pipelineId: string }> {
  return adminChange(prisma, viewer, z.object({ id: entityId }), { id }, async (tx, input) => {
    const stage = await tx.stage.findUnique({ where: { id: input.id } });
    if (!stage) throw new NotFoundError('Stage');
    const stages = await lockPipeline(tx, stage.pipelineId);
    const count = await tx.opportunity.count({ where: { stageId: stage.id } });
    assertUnused(count, 'NOT_EMPTY', `The stage still has ${plural(count, 'opportunity', 'opportunities')}: move them first.`);
    if (stages.length <= 1) throw ValidationError.field('id', 'LAST_STAGE', 'A pipeline needs at least one stage.');
    await tx.stage.delete({ where: { id: stage.id } });
    const remaining = stages.filter((other) => other.id !== stage.id).map((other) => other.id);
    await savePositions(tx, 'Stage', remaining, { pipelineId: stage.pipelineId });
    return { id: stage.id, pipelineId: stage.pipelineId };
  });
}

/** Replaces the pipeline's plan of standard tasks; the steps keep the given order. */
export function setActivityPlan(prisma: PrismaClient, viewer: Viewer, rawInput: { pipelineId: string; steps: PlanStepInput[] }) {
  return adminChange(prisma, viewer, setActivityPlanInput, rawInput, async (tx, input) => {
    await lockPipeline(tx, input.pipelineId);
    await tx.activityPlanStep.deleteMany({ where: { pipelineId: input.pipelineId } });
    if (input.steps.length) {
      await tx.activityPlanStep.createMany({
        data: input.steps.map((step, position) => ({ ...step, durationMinutes: step.durationMinutes ?? null, pipelineId: input.pipelineId, position })),
      });
    }
    return { pipelineId: input.pipelineId };
  });
}

/**
 * Locks the pipeline for the rest of the transaction, so concurrent edits of its stages cannot
 * interleave, and returns its stages in order. A missing pipeline is NOT_FOUND.
 */
async function lockPipeline(tx: Tx, pipelineId: string): Promise<Stage[]> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Pipeline" WHERE id = ${pipelineId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError('Pipeline');
  return tx.stage.findMany({ where: { pipelineId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
}

function assertStageNameFree(stages: Stage[], name: string) {
  const taken = stages.some((stage) => stage.name.toLowerCase() === name.toLowerCase());
  if (taken) throw ValidationError.field('name', 'TAKEN', 'The pipeline already has a stage with this name.');
}

/** Stage names must be unique within a pipeline (case-insensitively): one error per repeated name. */
export function duplicateStageNames(names: string[]): FieldError[] {
  const seen = new Set<string>();
  return names.flatMap((name, index) => {
    const normalized = name.toLowerCase();
    if (!seen.has(normalized)) {
      seen.add(normalized);
      return [];
    }
    return [{ field: `stages.${index}.name`, reason: 'TAKEN', message: 'Two stages cannot have the same name.' }];
  });
}
