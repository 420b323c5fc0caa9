import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { activityReadWhere, canReadCustomerRecord, canReadSalesRecord, salesRecordReadWhere } from '../domain/access.ts';
import {
  activityCalendarWhere,
  activityListWhere,
  activityOrderBy,
  CALENDAR_ORDER,
  MAX_CALENDAR_DAYS,
  type ActivitySortField,
  activityStatus,
  canWriteActivity,
  MY_TASKS_ORDER,
  myTasksWhere,
  REGARDING_OWNERS,
  regardingRecord,
} from '../domain/activity-queries.ts';
import { AccountRef } from './account.ts';
import { ActivityFilterInput, decodeActivityFilter } from './activity-filter.ts';
import { ActivityStatusEnum } from './activity-status.ts';
import { ActivityTypeEnum } from './activity-type.ts';
import { ContactRef } from './contact.ts';
import { decodeId } from './ids.ts';
import { OpportunityRef } from './opportunity.ts';
import { SortDirection } from './sort-direction.ts';
import { requireViewer } from './viewer.ts';

function calendarWhere(context: Context, args: { from: Date; to: Date; filter?: typeof ActivityFilterInput.$inferInput | null }) {
  return activityCalendarWhere(requireViewer(context), { from: args.from, to: args.to }, decodeActivityFilter(args.filter), new Date());
}

export const ActivityRef = builder.prismaNode('Activity', {
  id: { field: 'id' },
  // A missing or unreadable activity resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'A call, e-mail, meeting, task or note about an opportunity, account or contact.',
  findUnique: (id, context) => ({ id, ...salesRecordReadWhere(requireViewer(context)) }),
  // Only the columns the asked fields need (a board card's next activity reads five of 18).
  select: { id: true, teamId: true },
  runScopesOnType: true,
  authScopes: (activity, context) => context.viewer !== null && canReadSalesRecord(context.viewer, activity),
  fields: (t) => ({
    type: t.expose('type', { type: ActivityTypeEnum }),
    subject: t.exposeString('subject'),
    notes: t.exposeString('notes', { nullable: true }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'What came of it, in a line.' }),
    // The linked records are null when the viewer may not read them (e.g. an account of another team).
    opportunity: t.field({
      type: OpportunityRef,
      nullable: true,
      select: (_args, _context, nestedSelection) => ({ opportunity: nestedSelection(true) }),
      resolve: (activity, _args, context) =>
        activity.opportunity && canReadSalesRecord(requireViewer(context), activity.opportunity) ? activity.opportunity : null,
    }),
    account: t.field({
      type: AccountRef,
      nullable: true,
      select: (_args, _context, nestedSelection) => ({ account: nestedSelection(true) }),
      resolve: (activity, _args, context) =>
        activity.account && canReadCustomerRecord(requireViewer(context), activity.account) ? activity.account : null,
    }),
    contact: t.field({
      type: ContactRef,
      nullable: true,
      select: (_args, _context, nestedSelection) => ({ contact: nestedSelection(true) }),
      resolve: (activity, _args, context) =>
        activity.contact && canReadCustomerRecord(requireViewer(context), activity.contact) ? activity.contact : null,
    }),
    assignee: t.relation('assignee'),
    createdBy: t.relation('createdBy'),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true }),
    durationMinutes: t.exposeInt('durationMinutes', { nullable: true }),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true }),
    status: t.field({
      type: ActivityStatusEnum,
      select: { doneAt: true, dueAt: true },
      resolve: (activity) => activityStatus(activity, new Date()),
    }),
    viewerCanEdit: t.boolean({
      description: 'Whether the viewer may change, complete or delete this activity.',
      select: { createdById: true, assigneeId: true, ...REGARDING_OWNERS },
      resolve: (activity, _args, context) => canWriteActivity(requireViewer(context), activity, regardingRecord(activity)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** GraphQL names of the activity list's sort keys; saved views store the domain's. */
export const ACTIVITY_SORT_VALUES = {
  DUE_AT: { value: 'dueAt' },
  DONE_AT: { value: 'doneAt' },
  CREATED_AT: { value: 'createdAt' },
  TYPE: { value: 'type' },
  SUBJECT: { value: 'subject' },
} as const satisfies Record<string, { value: ActivitySortField }>;

const ActivitySortFieldEnum = builder.enumType('ActivitySortField', {
  description: 'Activities without the date sort last in either direction.',
  values: ACTIVITY_SORT_VALUES,
});

const ActivityOrder = builder.inputType('ActivityOrder', {
  fields: (t) => ({
    field: t.field({ type: ActivitySortFieldEnum, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

builder.queryFields((t) => ({
  activities: t.prismaConnection(
    {
      type: 'Activity',
      cursor: 'id',
      authScopes: { sales: true },
      description:
        'Activities the viewer can read. Without `orderBy`: open ones first, by due date (overdue on top, undated last), then completed ones, most recently done first.',
      args: { filter: t.arg({ type: ActivityFilterInput }), orderBy: t.arg({ type: ActivityOrder }) },
      resolve: (query, _root, args, context) =>
        context.prisma.activity.findMany({
          ...query,
          where: activityListWhere(requireViewer(context), decodeActivityFilter(args.filter), new Date()),
          orderBy: activityOrderBy(args.orderBy?.field, args.orderBy?.direction ?? undefined),
        }),
      totalCount: (_connection, args, context) =>
        context.prisma.activity.count({
          where: activityListWhere(requireViewer(context), decodeActivityFilter(args.filter), new Date()),
        }),
    },
    {},
    {},
  ),
  activityCalendar: t.prismaConnection(
    {
      type: 'Activity',
      cursor: 'id',
      authScopes: { sales: true },
      description: `Scheduled activities (open or done) due in [from, to), at most ${MAX_CALENDAR_DAYS} days, by due time: a week or month of the calendar.`,
      args: {
        from: t.arg({ type: 'DateTime', required: true }),
        to: t.arg({ type: 'DateTime', required: true }),
        filter: t.arg({ type: ActivityFilterInput }),
      },
      resolve: (query, _root, args, context) =>
        context.prisma.activity.findMany({ ...query, where: calendarWhere(context, args), orderBy: CALENDAR_ORDER }),
      totalCount: (_connection, args, context) => context.prisma.activity.count({ where: calendarWhere(context, args) }),
    },
    {},
    {},
  ),
  myTasks: t.prismaConnection(
    {
      type: 'Activity',
      cursor: 'id',
      authScopes: { sales: true },
      description: "The viewer's open activities: overdue first (the longest overdue on top), then by due date, undated last.",
      resolve: (query, _root, _args, context) =>
        context.prisma.activity.findMany({ ...query, where: myTasksWhere(requireViewer(context)), orderBy: MY_TASKS_ORDER }),
      totalCount: (_connection, _args, context) => context.prisma.activity.count({ where: myTasksWhere(requireViewer(context)) }),
    },
    {},
    {},
  ),
  activity: t.prismaField({
    type: 'Activity',
    nullable: true,
    description: 'An activity by id; null when it does not exist or the viewer may not read it.',
    authScopes: { sales: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.activity.findFirst({
        ...query,
        where: { id: decodeId(args.id, 'Activity', 'id'), ...activityReadWhere(requireViewer(context)) },
      }),
  }),
}));
