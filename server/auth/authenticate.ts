import type { ApiToken, PrismaClient, Session } from '../generated/prisma/client.ts';
import { API_TOKEN_PREFIX, hashToken, parseBearer } from './tokens.ts';
import type { Viewer } from './viewer.ts';

const userWithTeams = {
  select: { id: true, name: true, email: true, role: true, active: true, memberships: { select: { teamId: true } } },
} as const;

type CredentialUser = { id: string; name: string; email: string; role: Viewer['role']; active: boolean; memberships: { teamId: string }[] };

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
    const viewer = apiTokenViewer(apiToken, now);
    if (viewer && isStale(apiToken!.lastUsedAt, now)) {
      await prisma.apiToken.update({ where: { id: viewer.credentialId }, data: { lastUsedAt: now } });
    }
    return viewer;
  }
  const session = await prisma.session.findUnique({ where: { tokenHash }, include: { user: userWithTeams } });
  const viewer = sessionViewer(session, now);
  if (viewer && isStale(session!.lastUsedAt, now)) {
    await prisma.session.update({ where: { id: viewer.credentialId }, data: { lastUsedAt: now } });
  }
  return viewer;
}

/**
 * The viewer as the credential it was authenticated with stands now: null once the session ended
 * or expired, the token was revoked or expired, or the user was deactivated; otherwise with the
 * user's current role and teams. Live subscriptions ask this when their user's access changes.
 */
export async function reauthenticate(prisma: PrismaClient, viewer: Viewer, now = new Date()): Promise<Viewer | null> {
  const where = { id: viewer.credentialId };
  if (viewer.via === 'apiToken') return apiTokenViewer(await prisma.apiToken.findUnique({ where, include: { user: userWithTeams } }), now);
  return sessionViewer(await prisma.session.findUnique({ where, include: { user: userWithTeams } }), now);
}

/** Whether two views of one credential grant the same access. */
export function sameAccess(before: Viewer, after: Viewer): boolean {
  return (
    before.role === after.role &&
    before.readOnly === after.readOnly &&
    before.teamIds.length === after.teamIds.length &&
    before.teamIds.every((teamId) => after.teamIds.includes(teamId))
  );
}

function apiTokenViewer(apiToken: (ApiToken & { user: CredentialUser }) | null, now: Date): Viewer | null {
  if (!apiToken || apiToken.revokedAt || (apiToken.expiresAt && apiToken.expiresAt <= now) || !apiToken.user.active) return null;
  return toViewer(apiToken.user, { via: 'apiToken', credentialId: apiToken.id, readOnly: apiToken.readOnly, expiresAt: apiToken.expiresAt });
}

function sessionViewer(session: (Session & { user: CredentialUser }) | null, now: Date): Viewer | null {
  if (!session || session.expiresAt <= now || !session.user.active) return null;
  return toViewer(session.user, { via: 'session', credentialId: session.id, readOnly: false, expiresAt: session.expiresAt });
}

/** "Last used" is shown to people, so minute precision is enough and saves a write per request. */
function isStale(lastUsedAt: Date | null, now: Date) {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() > 60_000;
}

function toViewer(user: CredentialUser, credential: Pick<Viewer, 'via' | 'credentialId' | 'readOnly' | 'expiresAt'>): Viewer {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamIds: user.memberships.map((membership) => membership.teamId),
    ...credential,
  };
}
