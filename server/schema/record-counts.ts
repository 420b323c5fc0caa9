import DataLoader from 'dataloader';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { activityCounts, contactCounts, documentCounts, opportunityCounts, type CountedBy, type DocumentKind, type OpportunityCounts } from '../domain/record-counts.ts';
import { requireViewer } from './viewer.ts';

// The tab counts of account and contact pages, also when a list asks for them on every row.

interface Counted {
  by: CountedBy;
  id: string;
}

function createCountLoaders(context: Context) {
  const viewer = requireViewer(context);
  const countsBy = <Value>(load: (ids: readonly string[]) => Promise<Map<string, Value>>, empty: Value) =>
    new DataLoader<string, Value>(async (ids) => {
      const counts = await load(ids);
      return ids.map((id) => counts.get(id) ?? empty);
    });
  const none: OpportunityCounts = { OPEN: 0, WON: 0, LOST: 0 };
  const documents = (kind: DocumentKind) => ({
    accountId: countsBy((ids) => documentCounts(context.prisma, viewer, kind, 'accountId', ids), 0),
    contactId: countsBy((ids) => documentCounts(context.prisma, viewer, kind, 'contactId', ids), 0),
  });
  return {
    activities: {
      accountId: countsBy((ids) => activityCounts(context.prisma, viewer, 'accountId', ids), 0),
      contactId: countsBy((ids) => activityCounts(context.prisma, viewer, 'contactId', ids), 0),
    },
    opportunities: {
      accountId: countsBy((ids) => opportunityCounts(context.prisma, viewer, 'accountId', ids), none),
      contactId: countsBy((ids) => opportunityCounts(context.prisma, viewer, 'contactId', ids), none),
    },
    contacts: countsBy((ids) => contactCounts(context.prisma, viewer, ids), 0),
    quote: documents('quote'),
    order: documents('order'),
    invoice: documents('invoice'),
  };
}

/** One set of loaders per request: the context object lives exactly as long as the request. */
const loadersOfRequest = new WeakMap<Context, ReturnType<typeof createCountLoaders>>();

function countLoaders(context: Context) {
  let loaders = loadersOfRequest.get(context);
  if (!loaders) {
    loaders = createCountLoaders(context);
    loadersOfRequest.set(context, loaders);
  }
  return loaders;
}

const opportunitiesOf = (counted: Counted, context: Context) => countLoaders(context).opportunities[counted.by].load(counted.id);

const RecordCountsRef = builder.objectRef<Counted>('RecordCounts').implement({
  description:
    "How many activities, opportunities, contacts, quotes, orders and invoices a record's tabs list, counting only what the viewer may read. Each figure is one grouped statement for all records of the request.",
  fields: (t) => ({
    activities: t.int({ resolve: (counted, _args, context) => countLoaders(context).activities[counted.by].load(counted.id) }),
    opportunities: t.int({
      description: 'Open and closed.',
      resolve: async (counted, _args, context) => {
        const counts = await opportunitiesOf(counted, context);
        return counts.OPEN + counts.WON + counts.LOST;
      },
    }),
    openOpportunities: t.int({ resolve: async (counted, _args, context) => (await opportunitiesOf(counted, context)).OPEN }),
    wonOpportunities: t.int({ resolve: async (counted, _args, context) => (await opportunitiesOf(counted, context)).WON }),
    lostOpportunities: t.int({ resolve: async (counted, _args, context) => (await opportunitiesOf(counted, context)).LOST }),
    contacts: t.int({
      nullable: true,
      description: "An account's contacts; null for a contact.",
      resolve: (counted, _args, context) => (counted.by === 'accountId' ? countLoaders(context).contacts.load(counted.id) : null),
    }),
    quotes: t.int({ resolve: (counted, _args, context) => countLoaders(context).quote[counted.by].load(counted.id) }),
    orders: t.int({ resolve: (counted, _args, context) => countLoaders(context).order[counted.by].load(counted.id) }),
    invoices: t.int({ resolve: (counted, _args, context) => countLoaders(context).invoice[counted.by].load(counted.id) }),
  }),
});

builder.prismaObjectField('Account', 'counts', (t) =>
  t.field({ type: RecordCountsRef, resolve: (account) => ({ by: 'accountId' as const, id: account.id }) }),
);

builder.prismaObjectField('Contact', 'counts', (t) =>
  t.field({ type: RecordCountsRef, resolve: (contact) => ({ by: 'contactId' as const, id: contact.id }) }),
);
