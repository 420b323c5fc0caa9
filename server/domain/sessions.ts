import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { generateToken, hashToken, SESSION_TOKEN_PREFIX } from '../auth/tokens.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient, User } from '../generated/prisma/client.ts';
import { ValidationError } from './errors.ts';
import { emit } from './events.ts';
import { normalizeEmail } from './normalize.ts';
import { parseInput } from './validation.ts';

const loginInput = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.').max(254, 'At most 254 characters.'),
  password: z.string().min(1, 'Enter your password.').max(200, 'At most 200 characters.'),
});

// Verifying against a throwaway hash when the e-mail is unknown keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function login(
  prisma: PrismaClient,
  rawInput: z.input<typeof loginInput>,
  sessionTtlDays: number,
  now = new Date(),
): Promise<{ token: string; user: User; expiresAt: Date }> {
  const input = parseInput(loginInput, rawInput);
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(input.email) } });
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword('not-a-user')), input.password).then(() => false);
  if (!user || !valid || !user.active) {
    throw ValidationError.field('password', 'INVALID_CREDENTIALS', 'E-mail or password is wrong.');
  }
  const token = generateToken(SESSION_TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + sessionTtlDays * 86_400_000);
  await prisma.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt } });
  return { token, user, expiresAt };
}

/** Ends the session the request was made with; API tokens are revoked explicitly instead. */
export async function logout(prisma: PrismaClient, viewer: Viewer): Promise<boolean> {
  if (viewer.via !== 'session') return false;
  const { count } = await prisma.session.deleteMany({ where: { id: viewer.credentialId } });
  emit({ type: 'ACCESS_CHANGED', userId: viewer.id, credentialId: viewer.credentialId });
  return count === 1;
}
