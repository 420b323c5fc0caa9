import { builder } from '../builder.ts';
import { ActivityTypeEnum } from './activity-type.ts';
import { OpportunityKindEnum } from './opportunity-kind.ts';

export const PipelineRef = builder.prismaNode('Pipeline', {
  id: { field: 'id' },
  description: 'A sales process with ordered stages, for leads or for deals.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OpportunityKindEnum }),
    position: t.exposeInt('position'),
    stages: t.relation('stages', { query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } }),
    activityPlan: t.relation('planSteps', {
      description: 'Standard tasks scheduled by `applyActivityPlan`, in order.',
      query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.prismaObject('ActivityPlanStep', {
  description: 'A standard task of a pipeline, due `dayOffset` days after the plan is applied.',
  fields: (t) => ({
    type: t.expose('type', { type: ActivityTypeEnum }),
    subject: t.exposeString('subject'),
    dayOffset: t.exposeInt('dayOffset'),
    durationMinutes: t.exposeInt('durationMinutes', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  pipelines: t.prismaField({
    type: ['Pipeline'],
    authScopes: { sales: true },
    args: { kind: t.arg({ type: OpportunityKindEnum }) },
    resolve: (query, _root, args, context) =>
      context.prisma.pipeline.findMany({
        ...query,
        where: args.kind ? { kind: args.kind } : {},
        orderBy: [{ kind: 'asc' }, { position: 'asc' }, { name: 'asc' }],
      }),
  }),
}));
