import type { PrismaClient } from '../generated/prisma/client.ts';
import { API_TOKEN_PREFIX, hashToken, parseBearer } from './tokens.ts';
import type { Viewer } from './viewer.ts';

const userWithTeams = {
  select: { id: true, name: true, email: true, role: true, active: true, memberships: { select: { teamId: true } } },
} as const;

/**
 * Resolves an `Authorization` value (HTTP header or graphql-ws `connection_init` payload) to a
 * viewer. Unknown, expired or revoked credentials and deactivated users yield null.
 */
export async function authenticate(prisma: PrismaClient, authorization: unknown, now = new Date()): Promise<Viewer | null> {
  const token = parseBearer(authorization);
  if (!token) return null;
  const tokenHash = hashToken(token);
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const apiToken = await prisma.apiToken.findUnique({ where: { tokenHash }, include: { user: userWithTeams } });
    if (!apiToken || apiToken.revokedAt || (apiToken.expiresAt && apiToken.expiresAt <= now) || !apiToken.user.active) {
      return null;
    }
    if (isStale(apiToken.lastUsedAt, now)) {
      await prisma.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: now } });
    }
    return toViewer(apiToken.user, { via: 'apiToken', credentialId: apiToken.id, readOnly: apiToken.readOnly });
  }
  const session = await prisma.session.findUnique({ where: { tokenHash }, include: { user: userWithTeams } });
  if (!session || session.expiresAt <= now || !session.user.active) return null;
  if (isStale(session.lastUsedAt, now)) {
    await prisma.session.update({ where: { id: session.id }, data: { lastUsedAt: now } });
  }
  return toViewer(session.user, { via: 'session', credentialId: session.id, readOnly: false });
}

/** "Last used" is shown to people, so minute precision is enough and saves a write per request. */
function isStale(lastUsedAt: Date | null, now: Date) {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() > 60_000;
}

function toViewer(
  user: { id: string; name: string; email: string; role: Viewer['role']; memberships: { teamId: string }[] },
  credential: Pick<Viewer, 'via' | 'credentialId' | 'readOnly'>,
): Viewer {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamIds: user.memberships.map((membership) => membership.teamId),
    ...credential,
  };
}
