import { builder } from '../../builder.ts';
import {
  ACCOUNT_HIT_ORDER,
  CONTACT_HIT_ORDER,
  globalSearch,
  MAX_HITS_PER_KIND,
  OPPORTUNITY_HIT_ORDER,
  type GlobalSearch,
} from '../../domain/search/global-search.ts';
import { requireViewer } from '../viewer.ts';

const SearchResults = builder.objectRef<GlobalSearch>('SearchResults').implement({
  description: 'Hits grouped by kind, each among the records the viewer may read, at most `first` of each.',
  fields: (t) => ({
    accounts: t.prismaField({
      type: ['Account'],
      description: 'By name or e-mail.',
      resolve: (query, search, _args, context) =>
        context.prisma.account.findMany({ ...query, where: search.accounts, orderBy: ACCOUNT_HIT_ORDER, take: search.first }),
    }),
    accountCount: t.int({ resolve: (search, _args, context) => context.prisma.account.count({ where: search.accounts }) }),
    contacts: t.prismaField({
      type: ['Contact'],
      description: 'By first or last name or e-mail.',
      resolve: (query, search, _args, context) =>
        context.prisma.contact.findMany({ ...query, where: search.contacts, orderBy: CONTACT_HIT_ORDER, take: search.first }),
    }),
    contactCount: t.int({ resolve: (search, _args, context) => context.prisma.contact.count({ where: search.contacts }) }),
    opportunities: t.prismaField({
      type: ['Opportunity'],
      description: 'By title or OPP- number (OPP-1042 or 1042); open ones first. Always empty for SERVICE users.',
      resolve: (query, search, _args, context) =>
        context.prisma.opportunity.findMany({ ...query, where: search.opportunities, orderBy: OPPORTUNITY_HIT_ORDER, take: search.first }),
    }),
    opportunityCount: t.int({ resolve: (search, _args, context) => context.prisma.opportunity.count({ where: search.opportunities }) }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: SearchResults,
    authScopes: { authenticated: true },
    description: 'The search of the header: accounts, contacts and opportunities matching every word of `text`.',
    args: {
      text: t.arg.string({ required: true }),
      first: t.arg.int({ defaultValue: 5, description: `Hits per kind, 1-${MAX_HITS_PER_KIND}.` }),
    },
    resolve: (_root, args, context) => globalSearch(requireViewer(context), { text: args.text, first: args.first ?? undefined }),
  }),
);
