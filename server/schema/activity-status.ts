import { builder } from '../builder.ts';
import { ACTIVITY_STATUSES } from '../domain/activity-queries.ts';

export const ActivityStatusEnum = builder.enumType('ActivityStatus', {
  description: 'OPEN: not done yet; OVERDUE: not done and due in the past; COMPLETED: done.',
  values: ACTIVITY_STATUSES,
});
