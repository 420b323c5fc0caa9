import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { opportunityReadWhere } from '../domain/access.ts';
import { createPipeline, deletePipeline, renamePipeline, reorderPipelines, setActivityPlan } from '../domain/pipelines.ts';
import { decodeId, decodeIds } from './ids.ts';
import { validatedResult } from './mutation-result.ts';
import { OpportunityKindEnum } from './opportunity-kind.ts';
import { ActivityPlanStepInput } from './plan-step.ts';
import { requireViewer } from './viewer.ts';

const PIPELINE_ORDER = [{ position: 'asc' as const }, { name: 'asc' as const }];
const BY_POSITION = { orderBy: [{ position: 'asc' as const }, { id: 'asc' as const }] };

export const PipelineRef = builder.prismaNode('Pipeline', {
  id: { field: 'id' },
  // A missing record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'A sales process with ordered stages, for leads or for deals. Administrators edit it.',
  authScopes: { sales: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OpportunityKindEnum }),
    position: t.exposeInt('position', { description: 'Order among all pipelines; the first of a kind is the default.' }),
    stages: t.relation('stages', { query: BY_POSITION }),
    activityPlan: t.relation('planSteps', {
      description: 'Standard tasks scheduled when the plan is applied, in order.',
      query: BY_POSITION,
    }),
    opportunityCount: t.relationCount('opportunities', {
      description: 'Opportunities (open or closed) in this pipeline that the viewer can read. Only an empty pipeline can be deleted.',
      where: (_args, context) => opportunityReadWhere(requireViewer(context)),
    }),
  }),
});

builder.queryFields((t) => ({
  pipelines: t.prismaField({
    type: ['Pipeline'],
    authScopes: { sales: true },
    description: 'All pipelines (or those of one kind) in their order.',
    args: { kind: t.arg({ type: OpportunityKindEnum }) },
    resolve: (query, _root, args, context) =>
      context.prisma.pipeline.findMany({ ...query, where: args.kind ? { kind: args.kind } : {}, orderBy: PIPELINE_ORDER }),
  }),
  pipeline: t.prismaField({
    type: 'Pipeline',
    nullable: true,
    authScopes: { sales: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.pipeline.findUnique({ ...query, where: { id: decodeId(args.id, 'Pipeline', 'id') } }),
  }),
}));

const StageInput = builder.inputType('StageInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    probability: t.int({ required: true, description: 'Default probability (0-100) of opportunities moving here.' }),
  }),
});

const CreatePipelineInput = builder.inputType('CreatePipelineInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: OpportunityKindEnum, required: true }),
    stages: t.field({ type: [StageInput], required: true, description: 'At least one, in order.' }),
  }),
});

builder.mutationFields((t) => ({
  createPipeline: t.prismaField({
    type: 'Pipeline',
    authScopes: { admin: true },
    description: 'Adds a pipeline after the existing ones.',
    errors: validatedResult('CreatePipeline', 'pipeline'),
    args: { input: t.arg({ type: CreatePipelineInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const pipeline = await createPipeline(context.prisma, requireViewer(context), input);
      return context.prisma.pipeline.findUniqueOrThrow({ ...query, where: { id: pipeline.id } });
    },
  }),
  renamePipeline: t.prismaField({
    type: 'Pipeline',
    authScopes: { admin: true },
    errors: validatedResult('RenamePipeline', 'pipeline'),
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = decodeId(args.id, 'Pipeline', 'id');
      await renamePipeline(context.prisma, requireViewer(context), { id, name: args.name });
      return context.prisma.pipeline.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  reorderPipelines: t.prismaField({
    type: ['Pipeline'],
    authScopes: { admin: true },
    description: 'Sets the order of all pipelines: `ids` must name each exactly once.',
    errors: validatedResult('ReorderPipelines', 'pipelines'),
    args: { ids: t.arg.idList({ required: true }) },
    resolve: async (query, _root, args, context) => {
      await reorderPipelines(context.prisma, requireViewer(context), decodeIds(args.ids, 'Pipeline', 'ids') ?? []);
      return context.prisma.pipeline.findMany({ ...query, orderBy: PIPELINE_ORDER });
    },
  }),
  deletePipeline: t.id({
    authScopes: { admin: true },
    description: 'Deletes a pipeline without opportunities, with its stages and activity plan (NOT_EMPTY otherwise).',
    errors: validatedResult('DeletePipeline', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const deleted = await deletePipeline(context.prisma, requireViewer(context), decodeId(args.id, 'Pipeline', 'id'));
      return encodeGlobalID('Pipeline', deleted.id);
    },
  }),
  setActivityPlan: t.prismaField({
    type: 'Pipeline',
    authScopes: { admin: true },
    description: "Replaces the pipeline's activity plan with these steps, in this order (an empty list removes it).",
    errors: validatedResult('SetActivityPlan', 'pipeline'),
    args: {
      pipelineId: t.arg.id({ required: true }),
      steps: t.arg({ type: [ActivityPlanStepInput], required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const pipelineId = decodeId(args.pipelineId, 'Pipeline', 'pipelineId');
      await setActivityPlan(context.prisma, requireViewer(context), { pipelineId, steps: args.steps });
      return context.prisma.pipeline.findUniqueOrThrow({ ...query, where: { id: pipelineId } });
    },
  }),
}));
