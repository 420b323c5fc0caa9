import { z } from 'zod';
import { API_TOKEN_PREFIX, generateToken, hashToken } from '../auth/tokens.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { ApiToken, PrismaClient } from '../generated/prisma/client.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { emit } from './events.ts';
import { omittable, parseInput, requiredText } from './validation.ts';

const createApiTokenInput = z.object({
  name: requiredText(120),
  readOnly: omittable(z.boolean()),
  expiresAt: z.date().nullable().optional(),
});

/** Sessions only: a leaked API token must not be able to mint more tokens. */
function assertInteractive(viewer: Viewer) {
  if (viewer.via !== 'session') throw new ForbiddenError('API tokens are managed from a signed-in session.');
}

/** The plain token is returned once and never stored. */
export async function createApiToken(
  prisma: PrismaClient,
  viewer: Viewer,
  rawInput: z.input<typeof createApiTokenInput>,
  now = new Date(),
): Promise<{ token: string; apiToken: ApiToken }> {
  assertInteractive(viewer);
  const input = parseInput(createApiTokenInput, rawInput);
  if (input.expiresAt && input.expiresAt <= now) {
    throw ValidationError.field('expiresAt', 'IN_THE_PAST', 'Choose an expiry date in the future.');
  }
  const token = generateToken(API_TOKEN_PREFIX);
  const apiToken = await prisma.apiToken.create({
    data: {
      name: input.name,
      readOnly: input.readOnly ?? false,
      expiresAt: input.expiresAt ?? null,
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 4),
      tokenHash: hashToken(token),
      userId: viewer.id,
    },
  });
  return { token, apiToken };
}

export async function revokeApiToken(prisma: PrismaClient, viewer: Viewer, id: string, now = new Date()): Promise<ApiToken> {
  assertInteractive(viewer);
  const apiToken = await prisma.apiToken.findUnique({ where: { id } });
  if (!apiToken || apiToken.userId !== viewer.id) throw new NotFoundError('API token');
  if (apiToken.revokedAt) return apiToken;
  const revoked = await prisma.apiToken.update({ where: { id }, data: { revokedAt: now } });
  emit({ type: 'ACCESS_CHANGED', userId: viewer.id, credentialId: id });
  return revoked;
}
