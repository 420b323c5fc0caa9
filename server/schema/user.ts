import { builder } from '../builder.ts';
import { updateMyPreferences } from '../domain/users.ts';
import { LocaleEnum } from './locale.ts';
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
    locale: t.field({
      type: LocaleEnum,
      nullable: true,
      description: "The user's interface language; null means the browser's. Only visible to the user themselves.",
      select: { locale: true },
      resolve: (user, _args, context) => (user.id === context.viewer?.id ? user.locale : null),
    }),
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

const UpdateMyPreferencesInput = builder.inputType('UpdateMyPreferencesInput', {
  fields: (t) => ({ locale: t.field({ type: LocaleEnum, description: "null: follow the browser's language." }) }),
});

builder.mutationField('updateMyPreferences', (t) =>
  t.prismaField({
    type: 'User',
    description: "Changes the signed-in user's own preferences.",
    authScopes: { writer: true },
    args: { input: t.arg({ type: UpdateMyPreferencesInput, required: true }) },
    resolve: (query, _root, { input }, context) =>
      updateMyPreferences(context.prisma, requireViewer(context), input).then((user) =>
        context.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } }),
      ),
  }),
);
