import { builder } from '../builder.ts';

export const ActivityTypeEnum = builder.enumType('ActivityType', {
  values: ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE'] as const,
});
