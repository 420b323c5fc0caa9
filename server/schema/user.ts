import { builder } from '../builder.ts';
import { changeMyPassword, createUser, resetUserPassword, updateMyPreferences, updateUser } from '../domain/users.ts';
import { decodeId, decodeInputIds } from './ids.ts';
import { LocaleEnum } from './locale.ts';
import { validatedResult } from './mutation-result.ts';
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
    description: 'Active users, e.g. to choose an owner; with `includeInactive`, administrators and managers also see deactivated ones.',
    authScopes: { authenticated: true },
    args: { includeInactive: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const mayManage = viewer.role === 'ADMIN' || viewer.role === 'MANAGER';
      const where = args.includeInactive && mayManage ? {} : { active: true };
      return context.prisma.user.findMany({ ...query, where, orderBy: { name: 'asc' } });
    },
  }),
}));

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    teamIds: t.idList({ description: 'Managers must choose among their own teams.' }),
    initialPassword: t.string({ required: true, description: 'At least 10 characters; the user changes it after signing in.' }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Omitted fields stay as they are. Changing role, teams or `active` ends the live connections of that user at once.',
  fields: (t) => ({
    name: t.string(),
    email: t.string(),
    role: t.field({ type: RoleEnum }),
    teamIds: t.idList({ description: 'The complete list; managers change only their own teams in it.' }),
    active: t.boolean({ description: 'false: the user can no longer sign in; their sessions and tokens stop working.' }),
  }),
});

const UpdateMyPreferencesInput = builder.inputType('UpdateMyPreferencesInput', {
  fields: (t) => ({ locale: t.field({ type: LocaleEnum, description: "null: follow the browser's language." }) }),
});

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: 'User',
    description: 'Administrators create any user; managers create sales and service users in their own teams.',
    authScopes: { writer: true },
    errors: validatedResult('CreateUser', 'user'),
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const user = await createUser(context.prisma, requireViewer(context), { ...input, teamIds: decodeInputIds(input.teamIds, 'Team') ?? [] });
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  updateUser: t.prismaField({
    type: 'User',
    authScopes: { writer: true },
    errors: validatedResult('UpdateUser', 'user'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const user = await updateUser(context.prisma, requireViewer(context), decodeId(id, 'User', 'id'), {
        ...input,
        teamIds: decodeInputIds(input.teamIds, 'Team'),
      });
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  resetUserPassword: t.prismaField({
    type: 'User',
    description: "Administrators only. Sets a new password; all of the user's sessions end.",
    authScopes: { admin: true },
    errors: validatedResult('ResetUserPassword', 'user'),
    args: { id: t.arg.id({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const user = await resetUserPassword(context.prisma, requireViewer(context), decodeId(args.id, 'User', 'id'), args.newPassword);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  changeMyPassword: t.prismaField({
    type: 'User',
    description: 'Changes your own password (from a signed-in session); your other sessions end.',
    authScopes: { writer: true },
    errors: validatedResult('ChangeMyPassword', 'user'),
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const user = await changeMyPassword(context.prisma, requireViewer(context), args);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  updateMyPreferences: t.prismaField({
    type: 'User',
    description: "Changes the signed-in user's own preferences.",
    authScopes: { writer: true },
    args: { input: t.arg({ type: UpdateMyPreferencesInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const user = await updateMyPreferences(context.prisma, requireViewer(context), input);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
}));

