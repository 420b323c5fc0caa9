import { builder } from '../builder.ts';
import { TeamTypeEnum } from './team-type.ts';
import { UserRef } from './user.ts';

export const TeamRef = builder.prismaNode('Team', {
  id: { field: 'id' },
  description: 'A sales team. Records belong to a team; its members work on them together.',
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.expose('type', { type: TeamTypeEnum }),
    members: t.field({
      type: [UserRef],
      select: { members: { select: { user: true }, orderBy: { user: { name: 'asc' } } } },
      resolve: (team) => team.members.map((membership) => membership.user),
    }),
  }),
});

builder.prismaObjectField('User', 'teams', (t) =>
  t.field({
    type: [TeamRef],
    select: { memberships: { select: { team: true }, orderBy: { team: { name: 'asc' } } } },
    resolve: (user) => user.memberships.map((membership) => membership.team),
  }),
);

builder.queryField('teams', (t) =>
  t.prismaField({
    type: ['Team'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) => context.prisma.team.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
);
