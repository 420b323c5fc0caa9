import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { createTeam, deleteTeam, updateTeam } from '../domain/teams.ts';
import { decodeId } from './ids.ts';
import { validatedResult } from './mutation-result.ts';
import { TeamTypeEnum } from './team-type.ts';
import { UserRef } from './user.ts';
import { requireViewer } from './viewer.ts';

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

builder.mutationFields((t) => ({
  createTeam: t.prismaField({
    type: 'Team',
    authScopes: { admin: true },
    errors: validatedResult('CreateTeam', 'team'),
    args: { name: t.arg.string({ required: true }), type: t.arg({ type: TeamTypeEnum, description: 'SALES when omitted.' }) },
    resolve: async (query, _root, args, context) => {
      const team = await createTeam(context.prisma, requireViewer(context), args);
      return context.prisma.team.findUniqueOrThrow({ ...query, where: { id: team.id } });
    },
  }),
  updateTeam: t.prismaField({
    type: 'Team',
    description: 'Renames a team or changes its type; omitted values stay.',
    authScopes: { admin: true },
    errors: validatedResult('UpdateTeam', 'team'),
    args: { id: t.arg.id({ required: true }), name: t.arg.string(), type: t.arg({ type: TeamTypeEnum }) },
    resolve: async (query, _root, args, context) => {
      const team = await updateTeam(context.prisma, requireViewer(context), decodeId(args.id, 'Team', 'id'), args);
      return context.prisma.team.findUniqueOrThrow({ ...query, where: { id: team.id } });
    },
  }),
  deleteTeam: t.id({
    description: 'Deletes a team without members (NOT_EMPTY) and records (IN_USE).',
    authScopes: { admin: true },
    errors: validatedResult('DeleteTeam', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const deleted = await deleteTeam(context.prisma, requireViewer(context), decodeId(args.id, 'Team', 'id'));
      return encodeGlobalID('Team', deleted.id);
    },
  }),
}));
