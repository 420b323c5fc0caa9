import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient, User } from '../generated/prisma/client.ts';
import { ForbiddenError } from './errors.ts';
import { parseInput } from './validation.ts';

const preferencesInput = z.object({
  /** null: follow the browser's language. */
  locale: z.enum(['DE', 'EN']).nullable().optional(),
});

/** A user's own preferences; read-only API tokens may not change them. */
export async function updateMyPreferences(
  prisma: PrismaClient,
  viewer: Viewer,
  rawInput: z.input<typeof preferencesInput>,
): Promise<User> {
  if (viewer.readOnly) throw new ForbiddenError('This API token is read-only.');
  const input = parseInput(preferencesInput, rawInput);
  return prisma.user.update({ where: { id: viewer.id }, data: input });
}
