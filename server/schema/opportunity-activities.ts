import { builder } from '../builder.ts';
import { activityReadWhere } from '../domain/access.ts';
import { ACTIVITY_LIST_ORDER, nextOpenActivityQuery } from '../domain/activity-queries.ts';
import { ActivityRef } from './activity.ts';
import { requireViewer } from './viewer.ts';

// Activity fields of Opportunity, kept beside the activities rather than in opportunity.ts.

builder.prismaObjectField('Opportunity', 'activities', (t) =>
  t.relatedConnection('activities', {
    cursor: 'id',
    totalCount: true,
    description:
      "The opportunity's own activities: open ones by due date (overdue on top), then completed ones, most recently done first.",
    query: (_args, context) => ({ where: activityReadWhere(requireViewer(context)), orderBy: ACTIVITY_LIST_ORDER }),
  }),
);

builder.prismaObjectField('Opportunity', 'nextOpenActivity', (t) =>
  t.field({
    type: ActivityRef,
    nullable: true,
    description: 'The open activity due first (overdue ones included), for board cards. Loaded with the opportunity itself.',
    select: (_args, context, nestedSelection) => ({ activities: nestedSelection(nextOpenActivityQuery(requireViewer(context))) }),
    resolve: (opportunity) => opportunity.activities[0] ?? null,
  }),
);
