import { encodeGlobalID } from '@pothos/plugin-relay';
import { filter, pipe } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { canReadSalesRecord, salesRecordReadWhere } from '../domain/access.ts';
import { isViewerDependent, opportunityListWhere } from '../domain/opportunity-queries.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { OpportunityChangedEvent } from '../domain/events.ts';
import type { FieldChange } from '../domain/opportunity-history.ts';
import { decodeId } from './ids.ts';
import './notification.ts';
import { OpportunityFilterInput, decodeOpportunityFilter } from './opportunity-filter.ts';
import { requireViewer } from './viewer.ts';

const LiveChangeKind = builder.enumType('LiveChangeKind', {
  values: {
    CREATED: {},
    UPDATED: { description: 'Moved, edited, won or lost.' },
    DELETED: {},
    REMOVED: { description: 'Left this board or your view (moved to another pipeline or team); drop the card.' },
  },
});

/**
 * Every subscriber of a board receives the same card state and actor: they are loaded once per
 * event and selection and shared for a few seconds, instead of once per subscriber. Who may see
 * the card was decided per subscriber by `visibleTo`; fields of related records keep their own
 * access checks.
 */
const sharedPerEvent = new Map<string, Promise<unknown>>();
const SHARED_MS = 5_000;

function sharedForEvent<T>(event: OpportunityChangedEvent, key: string, load: () => Promise<T>): Promise<T> {
  const fullKey = `${event.opportunityId}:${event.version}:${key}`;
  let value = sharedPerEvent.get(fullKey);
  if (!value) {
    value = load();
    sharedPerEvent.set(fullKey, value);
    setTimeout(() => sharedPerEvent.delete(fullKey), SHARED_MS).unref();
  }
  return value as Promise<T>;
}

function loadCard(context: Context, query: object, event: OpportunityChangedEvent) {
  return sharedForEvent(event, `card:${JSON.stringify(query)}`, () =>
    context.prisma.opportunity.findUnique({ ...query, where: { id: event.opportunityId } }),
  ) as ReturnType<Context['prisma']['opportunity']['findUnique']>;
}

/** Who made the change: one statement per event and selection, like the card. */
function loadActor(context: Context, query: object, event: OpportunityChangedEvent) {
  return sharedForEvent(event, `actor:${JSON.stringify(query)}`, () =>
    context.prisma.user.findUniqueOrThrow({ ...query, where: { id: event.actorId } }),
  ) as ReturnType<Context['prisma']['user']['findUniqueOrThrow']>;
}

/**
 * Whether the card now belongs on its board as this viewer filters it: the board's own rule
 * (open, in this pipeline) and the list filter, evaluated by the same query the board runs.
 * Viewers with the same access and filter share one statement per event.
 */
function onFilteredBoard(context: Context, live: LiveEvent, filter: typeof OpportunityFilterInput.$inferInput | null | undefined) {
  if (live.kind === 'DELETED' || live.kind === 'REMOVED') return false;
  const viewer = requireViewer(context);
  const decoded = decodeOpportunityFilter(filter);
  // "mine" and "followed" mean something else for every viewer: such answers are not shared.
  const who = isViewerDependent(decoded) ? viewer.id : salesRecordReadWhere(viewer);
  const key = `onBoard:${JSON.stringify({ decoded, access: who })}`;
  return sharedForEvent(live.event, key, async () => {
    const where = opportunityListWhere(viewer, decoded, {
      now: new Date(),
      staleAfterDays: await context.loaders.staleAfterDays.load('organisation'),
    });
    const matches = await context.prisma.opportunity.count({
      where: { AND: [where, { id: live.event.opportunityId, pipelineId: live.event.pipelineId, status: 'OPEN' }] },
    });
    return matches > 0;
  });
}

interface LiveEvent {
  kind: 'CREATED' | 'UPDATED' | 'DELETED' | 'REMOVED';
  event: OpportunityChangedEvent;
}

/**
 * What a subscriber may learn of an event: everything when they may read the opportunity now,
 * only that it left their view when they could read it before, nothing otherwise.
 */
function visibleTo(viewer: Viewer, event: OpportunityChangedEvent, pipelineId?: string): LiveEvent | null {
  const readableNow = canReadSalesRecord(viewer, { teamId: event.teamId });
  const readableBefore = canReadSalesRecord(viewer, { teamId: event.previousTeamId });
  const onThisBoard = pipelineId === undefined || event.pipelineId === pipelineId;
  if (readableNow && onThisBoard) return { kind: event.change, event };
  if (readableBefore && (pipelineId === undefined || event.previousPipelineId === pipelineId)) return { kind: 'REMOVED', event };
  return null;
}

const FieldChangeRef = builder.objectRef<FieldChange>('OpportunityFieldChange').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    oldValue: t.expose('oldValue', { type: 'JSON', nullable: true }),
    newValue: t.expose('newValue', { type: 'JSON', nullable: true }),
  }),
});

const BoardEventRef = builder.objectRef<LiveEvent>('BoardEvent').implement({
  description: "A change of a card on a board: enough to update the board without refetching it.",
  fields: (t) => ({
    kind: t.field({ type: LiveChangeKind, resolve: (live) => live.kind }),
    opportunityId: t.id({ resolve: (live) => encodeGlobalID('Opportunity', live.event.opportunityId) }),
    opportunity: t.prismaField({
      type: 'Opportunity',
      nullable: true,
      description: "The card's new state; null when deleted or removed from the viewer's board.",
      resolve: (query, live, _args, context) =>
        live.kind === 'DELETED' || live.kind === 'REMOVED' ? null : loadCard(context, query, live.event),
    }),
    stageId: t.id({
      nullable: true,
      description: "The card's stage now; null for REMOVED, whose destination is none of the viewer's business.",
      resolve: (live) => (live.kind === 'REMOVED' ? null : encodeGlobalID('Stage', live.event.stageId)),
    }),
    previousStageId: t.id({ resolve: (live) => encodeGlobalID('Stage', live.event.previousStageId) }),
    onBoard: t.boolean({
      description:
        'Whether the card, as it is now, is on this board shown with this filter (open, in this pipeline, matching the filter). Always false for DELETED and REMOVED.',
      args: { filter: t.arg({ type: OpportunityFilterInput }) },
      resolve: (live, args, context) => onFilteredBoard(context, live, args.filter),
    }),
    version: t.int({ resolve: (live) => live.event.version }),
    actor: t.prismaField({
      type: 'User',
      resolve: (query, live, _args, context) => loadActor(context, query, live.event),
    }),
  }),
});

const OpportunityEventRef = builder.objectRef<LiveEvent>('OpportunityEvent').implement({
  description: 'The changed fields of one opportunity, with old and new values, and who changed them.',
  fields: (t) => ({
    kind: t.field({ type: LiveChangeKind, resolve: (live) => live.kind }),
    opportunity: t.prismaField({
      type: 'Opportunity',
      nullable: true,
      resolve: (query, live, _args, context) =>
        live.kind === 'DELETED' || live.kind === 'REMOVED' ? null : loadCard(context, query, live.event),
    }),
    changes: t.field({ type: [FieldChangeRef], resolve: (live) => (live.kind === 'REMOVED' ? [] : live.event.changes) }),
    version: t.int({ resolve: (live) => live.event.version }),
    actor: t.prismaField({
      type: 'User',
      resolve: (query, live, _args, context) => loadActor(context, query, live.event),
    }),
  }),
});

builder.subscriptionFields((t) => ({
  boardChanged: t.field({
    type: BoardEventRef,
    authScopes: { sales: true },
    description: 'Every create, move, update, close and delete of an opportunity on this board that the viewer may see.',
    args: { pipelineId: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) => {
      const viewer = requireViewer(context);
      const pipelineId = decodeId(args.pipelineId, 'Pipeline', 'pipelineId');
      return pipe(
        context.pubsub.subscribe('board', pipelineId),
        filter((event: OpportunityChangedEvent) => visibleTo(viewer, event, pipelineId) !== null),
      );
    },
    resolve: (event, args, context) =>
      visibleTo(requireViewer(context), event as OpportunityChangedEvent, decodeId(args.pipelineId, 'Pipeline', 'pipelineId'))!,
  }),
  opportunityChanged: t.field({
    type: OpportunityEventRef,
    authScopes: { sales: true },
    description: 'The changes of one opportunity the viewer may read.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const id = decodeId(args.id, 'Opportunity', 'id');
      const readable = await context.prisma.opportunity.count({ where: { id, ...salesRecordReadWhere(viewer) } });
      if (!readable) throw new NotFoundError('Opportunity');
      return pipe(
        context.pubsub.subscribe('opportunity', id),
        filter((event: OpportunityChangedEvent) => visibleTo(viewer, event) !== null),
      );
    },
    resolve: (event, _args, context) => visibleTo(requireViewer(context), event as OpportunityChangedEvent)!,
  }),
  notificationAdded: t.prismaField({
    type: 'Notification',
    authScopes: { authenticated: true },
    description: "The viewer's own notifications as they are created.",
    subscribe: (_root, _args, context) => context.pubsub.subscribe('notifications', requireViewer(context).id),
    resolve: (query, event, _args, context) =>
      context.prisma.notification.findFirstOrThrow({
        ...query,
        where: { id: (event as { notificationId: string }).notificationId, userId: requireViewer(context).id },
      }),
  }),
}));
