import { builder } from '../builder.ts';
import { RoleEnum } from './role.ts';
import { requireViewer } from './viewer.ts';

export const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  // Only what colleagues may see of each other; the password hash is never exposed.
  select: { id: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: RoleEnum }),
    active: t.exposeBoolean('active'),
    ownedAccountCount: t.int({
      description: 'Accounts this user owns that the viewer can read.',
      resolve: (user, _args, context) => context.loaders.accountCountByOwnerId.load(user.id),
    }),
    ownedContactCount: t.int({
      description: 'Contacts this user owns that the viewer can read.',
      resolve: (user, _args, context) => context.loaders.contactCountByOwnerId.load(user.id),
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null without valid credentials.',
    resolve: (query, _root, _args, context) =>
      context.viewer ? context.prisma.user.findUnique({ ...query, where: { id: context.viewer.id } }) : null,
  }),
  users: t.prismaField({
    type: ['User'],
    description: 'Active users, e.g. to choose an owner.',
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) => {
      requireViewer(context);
      return context.prisma.user.findMany({ ...query, where: { active: true }, orderBy: { name: 'asc' } });
    },
  }),
}));
