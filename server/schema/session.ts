import { builder } from '../builder.ts';
import { ValidationError } from '../domain/errors.ts';
import { login, logout } from '../domain/sessions.ts';
import { requireViewer } from './viewer.ts';

const LoginPayload = builder.objectRef<{ token: string; userId: string; expiresAt: Date }>('LoginPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>` (or in graphql-ws `connection_init`).' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.prismaField({
      type: 'User',
      resolve: (query, payload, _args, context) => context.prisma.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description:
      'Starts a session. Wrong e-mail or password gives a ValidationError on `password`; after too many failures for the account or the client address, RATE_LIMITED with `extensions.retryAfter` (seconds).',
    errors: { types: [ValidationError], directResult: true, union: { name: 'LoginResult' } },
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const { loginRateLimit, clientAddress } = context;
      await loginRateLimit.assertAllowed(args.email, clientAddress);
      try {
        const session = await login(context.prisma, args, context.config.sessionTtlDays);
        await loginRateLimit.recordSuccess(args.email);
        return { token: session.token, userId: session.user.id, expiresAt: session.expiresAt };
      } catch (error) {
        if (error instanceof ValidationError && error.fieldErrors.some((field) => field.reason === 'INVALID_CREDENTIALS')) {
          await loginRateLimit.recordFailure(args.email, clientAddress);
        }
        throw error;
      }
    },
  }),
  logout: t.boolean({
    description: 'Ends the session the request was made with.',
    authScopes: { writer: true },
    resolve: (_root, _args, context) => logout(context.prisma, requireViewer(context)),
  }),
}));
