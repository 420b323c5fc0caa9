import { builder } from '../builder.ts';
import { FOLLOWED_ORDER, followedOpportunitiesWhere, followOpportunity, unfollowOpportunity } from '../domain/follows.ts';
import { ValidationError } from '../domain/errors.ts';
import { decodeId } from './ids.ts';
import { UserRef } from './user.ts';
import { requireViewer } from './viewer.ts';

// Following opportunities (domain.md, "Follow"): fields of Opportunity, the viewer's list and the mutations.

/** Both fields read the same relation with the same arguments, so they share one load. */
const FOLLOWERS_ORDER = { orderBy: [{ createdAt: 'asc' as const }, { userId: 'asc' as const }] };

builder.prismaObjectField('Opportunity', 'followers', (t) =>
  t.field({
    type: [UserRef],
    description: 'Users following this opportunity, longest-following first.',
    select: (_args, _context, nestedSelection) => ({ followers: { ...FOLLOWERS_ORDER, select: { user: nestedSelection(true) } } }),
    resolve: (opportunity) => opportunity.followers.map((follower) => follower.user),
  }),
);

builder.prismaObjectField('Opportunity', 'isFollowedByViewer', (t) =>
  t.boolean({
    select: { followers: { ...FOLLOWERS_ORDER, select: { userId: true } } },
    resolve: (opportunity, _args, context) => opportunity.followers.some((follower) => follower.userId === requireViewer(context).id),
  }),
);

builder.queryField('followedOpportunities', (t) =>
  t.prismaConnection(
    {
      type: 'Opportunity',
      cursor: 'id',
      authScopes: { sales: true },
      description: 'Opportunities the viewer follows and can still read, closing first on top.',
      resolve: (query, _root, _args, context) =>
        context.prisma.opportunity.findMany({ ...query, where: followedOpportunitiesWhere(requireViewer(context)), orderBy: FOLLOWED_ORDER }),
      totalCount: (_connection, _args, context) =>
        context.prisma.opportunity.count({ where: followedOpportunitiesWhere(requireViewer(context)) }),
    },
    {},
    {},
  ),
);

function followResult(name: string) {
  return {
    types: [ValidationError],
    result: { name: `${name}Success` },
    union: { name: `${name}Result` },
    dataField: { name: 'opportunity' },
  };
}

builder.mutationFields((t) => ({
  followOpportunity: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description: 'Follows an opportunity the viewer can read; following it again changes nothing.',
    errors: followResult('FollowOpportunity'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      const opportunity = await followOpportunity(context.prisma, requireViewer(context), decodeId(id, 'Opportunity', 'id'));
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: opportunity.id } });
    },
  }),
  unfollowOpportunity: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description: 'Stops following; unfollowing an opportunity not followed changes nothing.',
    errors: followResult('UnfollowOpportunity'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      const opportunity = await unfollowOpportunity(context.prisma, requireViewer(context), decodeId(id, 'Opportunity', 'id'));
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: opportunity.id } });
    },
  }),
}));
