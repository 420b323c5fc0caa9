import { builder } from '../builder.ts';
import { opportunityReadWhere } from '../domain/access.ts';
import { addStage, deleteStage, reorderStages, updateStage } from '../domain/pipelines.ts';
import { decodeId, decodeIds } from './ids.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

export const StageRef = builder.prismaNode('Stage', {
  id: { field: 'id' },
  // A missing record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'A step of a pipeline, with the probability an opportunity gets when it moves here.',
  authScopes: { sales: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    position: t.exposeInt('position', { description: '0-based place in the pipeline.' }),
    probability: t.exposeInt('probability', { description: 'Default probability (0-100).' }),
    pipeline: t.relation('pipeline'),
    opportunityCount: t.relationCount('opportunities', {
      description: 'Opportunities (open or closed) in this stage that the viewer can read. Only an empty stage can be deleted.',
      where: (_args, context) => opportunityReadWhere(requireViewer(context)),
    }),
  }),
});

builder.mutationFields((t) => ({
  addStage: t.prismaField({
    type: 'Stage',
    authScopes: { admin: true },
    description: 'Inserts a stage at `position` (0-based; the end when omitted); later stages move down.',
    errors: validatedResult('AddStage', 'stage'),
    args: {
      pipelineId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      probability: t.arg.int({ required: true }),
      position: t.arg.int(),
    },
    resolve: async (query, _root, args, context) => {
      const stage = await addStage(context.prisma, requireViewer(context), {
        ...args,
        pipelineId: decodeId(args.pipelineId, 'Pipeline', 'pipelineId'),
      });
      return context.prisma.stage.findUniqueOrThrow({ ...query, where: { id: stage.id } });
    },
  }),
  updateStage: t.prismaField({
    type: 'Stage',
    authScopes: { admin: true },
    description: "Renames a stage or changes its default probability (opportunities already there keep theirs).",
    errors: validatedResult('UpdateStage', 'stage'),
    args: { id: t.arg.id({ required: true }), name: t.arg.string(), probability: t.arg.int() },
    resolve: async (query, _root, args, context) => {
      const stage = await updateStage(context.prisma, requireViewer(context), { ...args, id: decodeId(args.id, 'Stage', 'id') });
      return context.prisma.stage.findUniqueOrThrow({ ...query, where: { id: stage.id } });
    },
  }),
  reorderStages: t.prismaField({
    type: 'Pipeline',
    authScopes: { admin: true },
    description: "Sets the order of a pipeline's stages: `stageIds` must be exactly its stages.",
    errors: validatedResult('ReorderStages', 'pipeline'),
    args: { pipelineId: t.arg.id({ required: true }), stageIds: t.arg.idList({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const { pipelineId } = await reorderStages(context.prisma, requireViewer(context), {
        pipelineId: decodeId(args.pipelineId, 'Pipeline', 'pipelineId'),
        stageIds: decodeIds(args.stageIds, 'Stage', 'stageIds') ?? [],
      });
      return context.prisma.pipeline.findUniqueOrThrow({ ...query, where: { id: pipelineId } });
    },
  }),
  deleteStage: t.prismaField({
    type: 'Pipeline',
    authScopes: { admin: true },
    description: 'Deletes a stage without opportunities (NOT_EMPTY otherwise) that is not the last one; returns its pipeline.',
    errors: validatedResult('DeleteStage', 'pipeline'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const deleted = await deleteStage(context.prisma, requireViewer(context), decodeId(args.id, 'Stage', 'id'));
      return context.prisma.pipeline.findUniqueOrThrow({ ...query, where: { id: deleted.pipelineId } });
    },
  }),
}));
