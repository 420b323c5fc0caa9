import { builder } from '../builder.ts';
import { ActivityTypeEnum } from './activity-type.ts';

export const ActivityPlanStepRef = builder.prismaObject('ActivityPlanStep', {
  description: 'A standard task of a pipeline, due `dayOffset` days after the plan is applied.',
  authScopes: { sales: true },
  fields: (t) => ({
    type: t.expose('type', { type: ActivityTypeEnum }),
    subject: t.exposeString('subject'),
    dayOffset: t.exposeInt('dayOffset'),
    durationMinutes: t.exposeInt('durationMinutes', { nullable: true }),
  }),
});

export const ActivityPlanStepInput = builder.inputType('ActivityPlanStepInput', {
  fields: (t) => ({
    type: t.field({ type: ActivityTypeEnum, required: true }),
    subject: t.string({ required: true }),
    dayOffset: t.int({ required: true, description: 'Days after the start date; 0 or more.' }),
    durationMinutes: t.int({ description: '1-1440.' }),
  }),
});
