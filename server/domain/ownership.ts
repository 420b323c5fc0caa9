import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { OwnedRecord } from './access.ts';
import { ValidationError } from './errors.ts';

/**
 * Decides owner and team of a new or changed account or contact. The team defaults to the owner's
 * only team (or the record's current one); a SALES user may only own records themselves, a MANAGER
 * only place them in their own teams, and the owner must belong to the team.
 */
export async function resolveOwnership(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  requested: { ownerId?: string | null; teamId?: string | null },
  current?: OwnedRecord,
): Promise<OwnedRecord> {
  const ownerId = requested.ownerId ?? current?.ownerId ?? viewer.id;
  if (viewer.role === 'SALES' && ownerId !== viewer.id && ownerId !== current?.ownerId) {
    throw ValidationError.field('ownerId', 'NOT_ALLOWED', 'Sales users can only assign records to themselves.');
  }
  const owner = await tx.user.findUnique({
    where: { id: ownerId },
    select: { active: true, role: true, memberships: { select: { teamId: true } } },
  });
  if (!owner || !owner.active || owner.role === 'SERVICE') {
    throw ValidationError.field('ownerId', 'NOT_FOUND', 'Choose an active sales user as owner.');
  }
  const ownerTeams = owner.memberships.map((membership) => membership.teamId).sort();
  const allowedTeams = viewer.role === 'ADMIN' ? ownerTeams : ownerTeams.filter((id) => viewer.teamIds.includes(id));

  let teamId = requested.teamId ?? undefined;
  if (!teamId) {
    if (current && ownerTeams.includes(current.teamId)) teamId = current.teamId;
    else if (allowedTeams.length === 1) teamId = allowedTeams[0];
    else if (allowedTeams.length === 0) {
      throw ValidationError.field('ownerId', 'NO_TEAM', 'The owner belongs to none of your teams.');
    } else {
      throw ValidationError.field('teamId', 'REQUIRED', 'The owner is in several teams: choose one.');
    }
  }
  if (!ownerTeams.includes(teamId)) {
    throw ValidationError.field('teamId', 'OWNER_NOT_IN_TEAM', 'The owner is not a member of this team.');
  }
  if (viewer.role !== 'ADMIN' && !viewer.teamIds.includes(teamId)) {
    throw ValidationError.field('teamId', 'NOT_ALLOWED', 'You can only place records in your own teams.');
  }
  return { ownerId, teamId };
}
