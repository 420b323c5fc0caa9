import { builder } from '../builder.ts';
import { createApiToken, revokeApiToken } from '../domain/api-tokens.ts';
import { ValidationError } from '../domain/errors.ts';
import { decodeId } from './ids.ts';
import { requireViewer } from './viewer.ts';

builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  description: "An integrator's credential. It acts with its creator's rights, optionally read-only.",
  findUnique: (id, context) => ({ id, userId: requireViewer(context).id }),
  runScopesOnType: true,
  authScopes: (token, context) => context.viewer?.id === token.userId,
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the token, to tell tokens apart.' }),
    readOnly: t.exposeBoolean('readOnly'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiToken = builder.objectRef<{ token: string; apiTokenId: string }>('CreatedApiToken').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Shown only this once; only its hash is stored.' }),
    apiToken: t.prismaField({
      type: 'ApiToken',
      resolve: (query, created, _args, context) =>
        context.prisma.apiToken.findUniqueOrThrow({ ...query, where: { id: created.apiTokenId } }),
    }),
  }),
});

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    description: "The viewer's own API tokens, newest first, including revoked ones.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.apiToken.findMany({ ...query, where: { userId: requireViewer(context).id }, orderBy: { createdAt: 'desc' } }),
  }),
);

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreatedApiToken,
    authScopes: { writer: true },
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateApiTokenResult' } },
    args: {
      name: t.arg.string({ required: true }),
      readOnly: t.arg.boolean(),
      expiresAt: t.arg({ type: 'DateTime' }),
    },
    resolve: async (_root, args, context) => {
      const { token, apiToken } = await createApiToken(context.prisma, requireViewer(context), args);
      return { token, apiTokenId: apiToken.id };
    },
  }),
  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError],
      result: { name: 'RevokeApiTokenSuccess' },
      union: { name: 'RevokeApiTokenResult' },
      dataField: { name: 'apiToken' },
    },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      const revoked = await revokeApiToken(context.prisma, requireViewer(context), decodeId(id, 'ApiToken', 'id'));
      return context.prisma.apiToken.findUniqueOrThrow({ ...query, where: { id: revoked.id } });
    },
  }),
}));
