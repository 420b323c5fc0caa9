import { builder } from '../builder.ts';
import { encodeCursor, timeline, type TimelineItem, type TimelineSubject } from '../domain/timeline.ts';
import type { Context } from '../context.ts';
import type { Activity, DocumentChange, OpportunityChange } from '../generated/prisma/client.ts';
import './billing/document-history.ts';
import { requireViewer } from './viewer.ts';

const TimelineItemKind = builder.enumType('TimelineItemKind', {
  values: {
    ACTIVITY: { description: 'An activity (call, e-mail, meeting, task, note).' },
    CHANGE: { description: 'A change or event of an opportunity.' },
    QUOTE: { description: 'Something that happened to a quote (created, sent, accepted...).' },
    ORDER: { description: 'Something that happened to an order.' },
    INVOICE: { description: 'Something that happened to an invoice (issued, paid, cancelled...).' },
  },
});

type Query = { include?: object; select?: object };

/**
 * The records of one page are loaded again with the client's selection, all at once: the first
 * item that needs them loads every item's, so a page costs the same whatever its length.
 */
class PageRecords {
  private activities?: Promise<Map<string, Activity>>;
  private changes?: Promise<Map<string, OpportunityChange>>;
  private documentChanges?: Promise<Map<string, DocumentChange>>;
  constructor(
    private readonly context: Context,
    private readonly items: TimelineItem[],
  ) {}

  activity(query: Query, id: string) {
    const ids = this.items.flatMap((item) => (item.kind === 'ACTIVITY' ? [item.id] : []));
    this.activities ??= this.context.prisma.activity
      .findMany({ ...(query as object), where: { id: { in: ids } } })
      .then((rows) => new Map(rows.map((row) => [row.id, row as Activity])));
    return this.activities.then((rows) => rows.get(id) ?? null);
  }

  change(query: Query, id: string) {
    const ids = this.items.flatMap((item) => (item.kind === 'CHANGE' ? [item.id] : []));
    this.changes ??= this.context.prisma.opportunityChange
      .findMany({ ...(query as object), where: { id: { in: ids } } })
      .then((rows) => new Map(rows.map((row) => [row.id, row as OpportunityChange])));
    return this.changes.then((rows) => rows.get(id) ?? null);
  }

  documentChange(query: Query, id: string) {
    const ids = this.items.flatMap((item) => ('documentChange' in item ? [item.id] : []));
    this.documentChanges ??= this.context.prisma.documentChange
      .findMany({ ...(query as object), where: { id: { in: ids } } })
      .then((rows) => new Map(rows.map((row) => [row.id, row as DocumentChange])));
    return this.documentChanges.then((rows) => rows.get(id) ?? null);
  }
}

type PageItem = TimelineItem & { records: PageRecords };

const TimelineItemRef = builder.objectRef<PageItem>('TimelineItem').implement({
  description: 'One dated thing on a timeline: an activity, or a change of an opportunity.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    kind: t.expose('kind', { type: TimelineItemKind }),
    activity: t.prismaField({
      type: 'Activity',
      nullable: true,
      resolve: (query, item) => (item.kind === 'ACTIVITY' ? item.records.activity(query, item.id) : null),
    }),
    change: t.prismaField({
      type: 'OpportunityChange',
      nullable: true,
      resolve: (query, item) => (item.kind === 'CHANGE' ? item.records.change(query, item.id) : null),
    }),
    documentChange: t.prismaField({
      type: 'DocumentChange',
      nullable: true,
      description: 'For QUOTE, ORDER and INVOICE items.',
      resolve: (query, item) => ('documentChange' in item ? item.records.documentChange(query, item.id) : null),
    }),
  }),
});

const SUBJECTS = {
  Opportunity: (id: string): TimelineSubject => ({ opportunityId: id }),
  Account: (id: string): TimelineSubject => ({ accountId: id }),
  Contact: (id: string): TimelineSubject => ({ contactId: id }),
};

for (const model of ['Opportunity', 'Account', 'Contact'] as const) {
  builder.prismaObjectField(model, 'timeline', (t) =>
    t.connection({
      type: TimelineItemRef,
      description: 'Activities, opportunity history (stage and status changes, follows, ...) and the history of quotes, orders and invoices, merged, newest first.',
      resolve: async (parent, args, context) => {
        const page = await timeline(context.prisma, requireViewer(context), SUBJECTS[model](parent.id), { first: args.first, after: args.after });
        const records = new PageRecords(context, page.items);
        return {
          edges: page.items.map((item) => ({ cursor: encodeCursor(item), node: { ...item, records } })),
          pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(args.after), startCursor: null, endCursor: page.endCursor },
        };
      },
    }),
  );
}
