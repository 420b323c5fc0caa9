import { encodeGlobalID } from '@pothos/plugin-relay';
import { filter, pipe } from 'graphql-yoga';
import type { Viewer } from '../../auth/viewer.ts';
import { builder } from '../../builder.ts';
import { canReadCustomerRecord, canReadSalesRecord, salesRecordReadWhere } from '../../domain/access.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { DocumentChangedEvent } from '../../domain/events.ts';
import { decodeId } from '../ids.ts';
import { requireViewer } from '../viewer.ts';
import { DocumentKindEnum } from './document-common.ts';

const TYPENAMES = { QUOTE: 'Quote', ORDER: 'Order', INVOICE: 'Invoice' } as const;

const DocumentChangeKind = builder.enumType('DocumentChangeKind', { values: ['CREATED', 'UPDATED', 'DELETED'] as const });

const DocumentEventRef = builder.objectRef<DocumentChangedEvent>('DocumentEvent').implement({
  description: 'A quote, order or invoice was created, changed (status, lines, payment) or deleted. Refetch what you show of it.',
  fields: (t) => ({
    kind: t.field({ type: DocumentKindEnum, resolve: (event) => event.kind }),
    change: t.field({ type: DocumentChangeKind, resolve: (event) => event.change }),
    event: t.string({ description: 'As in the history: CREATED, SENT, ACCEPTED, PAID, ...', resolve: (event) => event.event }),
    documentId: t.id({ resolve: (event) => encodeGlobalID(TYPENAMES[event.kind], event.documentId) }),
    number: t.string({ resolve: (event) => event.number }),
    status: t.string({ resolve: (event) => event.status }),
    actor: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, event, _args, context) => (event.actorId ? context.prisma.user.findUnique({ ...query, where: { id: event.actorId } }) : null),
    }),
  }),
});

/** A subscriber hears of a document only while they may read it (its team is theirs). */
const visibleTo = (viewer: Viewer, event: DocumentChangedEvent) => canReadSalesRecord(viewer, { teamId: event.teamId });

builder.subscriptionField('documentChanged', (t) =>
  t.field({
    type: DocumentEventRef,
    authScopes: { sales: true },
    description: 'Changes of the quotes, orders and invoices of one opportunity, one account, or of one document (give exactly one id).',
    args: { opportunityId: t.arg.id(), accountId: t.arg.id(), documentId: t.arg.id() },
    subscribe: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const given = [args.opportunityId, args.accountId, args.documentId].filter(Boolean);
      if (given.length !== 1) throw ValidationError.field('opportunityId', 'ONE_REQUIRED', 'Give exactly one of opportunityId, accountId, documentId.');
      let key: string;
      if (args.opportunityId) {
        const id = decodeId(args.opportunityId, 'Opportunity', 'opportunityId');
        if (!(await context.prisma.opportunity.count({ where: { id, ...salesRecordReadWhere(viewer) } }))) throw new NotFoundError('Opportunity');
        key = `opportunity:${id}`;
      } else if (args.accountId) {
        const id = decodeId(args.accountId, 'Account', 'accountId');
        const account = await context.prisma.account.findUnique({ where: { id }, select: { ownerId: true, teamId: true } });
        if (!account || !canReadCustomerRecord(viewer, account)) throw new NotFoundError('Account');
        key = `account:${id}`;
      } else {
        const kind = (['Quote', 'Order', 'Invoice'] as const).find((typename) => {
          try {
            decodeId(args.documentId!, typename, 'documentId');
            return true;
          } catch {
            return false;
          }
        });
        if (!kind) throw ValidationError.field('documentId', 'INVALID_ID', 'This is not a quote, order or invoice id.');
        key = `${kind.toUpperCase()}:${decodeId(args.documentId!, kind, 'documentId')}`;
      }
      return pipe(
        context.pubsub.subscribe('documents', key),
        filter((event: DocumentChangedEvent) => visibleTo(viewer, event)),
      );
    },
    resolve: (event) => event as DocumentChangedEvent,
  }),
);
