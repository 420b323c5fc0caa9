import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { OwnedRecord } from './access.ts';
import { ValidationError } from './errors.ts';

type Tx = Prisma.TransactionClient;

export interface OwnershipRequest {
  requested: { ownerId?: string | null; teamId?: string | null };
  current?: OwnedRecord;
}

/**
 * Decides owner and team of a new or changed account or contact. The team defaults to the owner's
 * only team (or the record's current one); a SALES user may only own records themselves, a MANAGER
 * only place them in their own teams, and the owner must belong to the team.
 */
export async function resolveOwnership(
  tx: Tx,
  viewer: Viewer,
  requested: OwnershipRequest['requested'],
  current?: OwnedRecord,
): Promise<OwnedRecord> {
  const [ownership] = await resolveOwnerships(tx, viewer, [{ requested, current }]);
  if (ownership instanceof ValidationError) throw ownership;
  return ownership;
}

/** The same decision for many records at once (the CSV import): one lookup of all owners. */
export async function resolveOwnerships(
  tx: Tx,
  viewer: Viewer,
  requests: OwnershipRequest[],
): Promise<Array<OwnedRecord | ValidationError>> {
  const ownerIds = [...new Set(requests.map((request) => ownerIdOf(viewer, request)))];
  const owners = new Map(
    (
      await tx.user.findMany({
        where: { id: { in: ownerIds } },
        select: { id: true, active: true, role: true, memberships: { select: { teamId: true } } },
      })
    ).map((owner) => [owner.id, owner]),
  );
  return requests.map((request) => {
    try {
      return decideOwnership(viewer, request, owners.get(ownerIdOf(viewer, request)));
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
  });
}

const ownerIdOf = (viewer: Viewer, { requested, current }: OwnershipRequest) => requested.ownerId ?? current?.ownerId ?? viewer.id;

function decideOwnership(
  viewer: Viewer,
  { requested, current }: OwnershipRequest,
  owner: { active: boolean; role: string; memberships: { teamId: string }[] } | undefined,
): OwnedRecord {
  const ownerId = ownerIdOf(viewer, { requested, current });
  if (viewer.role === 'SALES' && ownerId !== viewer.id && ownerId !== current?.ownerId) {
    throw ValidationError.field('ownerId', 'NOT_ALLOWED', 'Sales users can only assign records to themselves.');
  }
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
