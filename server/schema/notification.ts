import { builder } from '../builder.ts';
import { markNotificationsRead, notificationsWhere } from '../domain/notification-queries.ts';
import type { NotificationDetails } from '../domain/notifications.ts';
import { ActivityTypeEnum } from './activity-type.ts';
import { decodeId } from './ids.ts';
import { OpportunityStatusEnum } from './opportunity.ts';
import { requireViewer } from './viewer.ts';

const detailsOf = (notification: { details: unknown }) => (notification.details ?? {}) as NotificationDetails;

const NotificationKindEnum = builder.enumType('NotificationKind', {
  values: ['OPPORTUNITY_CHANGED', 'OWNER_ASSIGNED', 'ACTIVITY_ASSIGNED', 'ACTIVITY_DUE', 'ACTIVITY_OVERDUE'] as const,
});

export const NotificationRef = builder.prismaNode('Notification', {
  id: { field: 'id' },
  nullable: true,
  description: "Something the viewer should know about; only the recipient can read it.",
  findUnique: (id, context) => ({ id, userId: requireViewer(context).id }),
  runScopesOnType: true,
  authScopes: (notification, context) => context.viewer?.id === notification.userId,
  fields: (t) => ({
    kind: t.expose('kind', { type: NotificationKindEnum }),
    title: t.exposeString('title', { description: 'In English; clients in other languages word it from `kind` and the fields below.' }),
    body: t.exposeString('body', { nullable: true }),
    closedStatus: t.field({
      type: OpportunityStatusEnum,
      nullable: true,
      description: 'WON or LOST when the opportunity was closed (OPPORTUNITY_CHANGED).',
      resolve: (notification) => detailsOf(notification).status ?? null,
    }),
    changedFields: t.stringList({
      description: 'The changed fields the followers hear of (stageId, status, amount, expectedCloseDate, ownerId), when that is the news.',
      resolve: (notification) => detailsOf(notification).fields ?? [],
    }),
    activityType: t.field({
      type: ActivityTypeEnum,
      nullable: true,
      description: 'The type of the activity the notification is about, when it is about a new one.',
      resolve: (notification) => detailsOf(notification).activityType ?? null,
    }),
    activitySubject: t.string({
      nullable: true,
      description: 'The subject of the activity the notification is about.',
      resolve: (notification) => detailsOf(notification).subject ?? null,
    }),
    actor: t.relation('actor', { nullable: true }),
    opportunity: t.relation('opportunity', { nullable: true, description: 'Null once the viewer may no longer read it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryFields((t) => ({
  notifications: t.prismaConnection({
    type: 'Notification',
    cursor: 'id',
    authScopes: { authenticated: true },
    description:
      "The viewer's notifications, newest first. After a reconnect, page with `before` the newest id you have (or `after` the oldest) to catch up.",
    args: { unreadOnly: t.arg.boolean({ defaultValue: false }) },
    totalCount: (_connection, args, context) =>
      context.prisma.notification.count({ where: notificationsWhere(requireViewer(context), args.unreadOnly ?? false) }),
    resolve: (query, _root, args, context) =>
      context.prisma.notification.findMany({
        ...query,
        where: notificationsWhere(requireViewer(context), args.unreadOnly ?? false),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
  unreadNotificationCount: t.int({
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.prisma.notification.count({ where: notificationsWhere(requireViewer(context), true) }),
  }),
}));

builder.mutationField('markNotificationsRead', (t) =>
  t.int({
    authScopes: { writer: true },
    description: 'Marks the given notifications (or, without ids, all) of the viewer as read; returns how many changed.',
    args: { ids: t.arg.idList() },
    resolve: (_root, args, context) =>
      markNotificationsRead(context.prisma, requireViewer(context), args.ids?.map((id) => decodeNotificationId(id)) ?? null),
  }),
);

function decodeNotificationId(globalId: string) {
  return decodeId(globalId, 'Notification', 'ids');
}
