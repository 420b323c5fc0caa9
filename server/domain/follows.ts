import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { canReadSalesRecord, opportunityReadWhere } from './access.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { entityId, parseInput } from './validation.ts';

/**
 * Following an opportunity (domain.md, "Follow"): anyone who may read it may follow it, to be
 * told about its changes and to see it on their board. Both calls are idempotent; only an actual
 * change is written to the opportunity's timeline (FOLLOWED / UNFOLLOWED, actor = the follower).
 * Following is no change of the opportunity itself, so its version stays.
 */
type Tx = Prisma.TransactionClient;

const opportunityIdInput = z.object({ opportunityId: entityId });

export async function followOpportunity(
  prisma: PrismaClient,
  viewer: Viewer,
  opportunityId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<Opportunity> {
  const input = parseInput(opportunityIdInput, { opportunityId });
  return prisma.$transaction(async (tx) => {
    const opportunity = await loadFollowable(tx, viewer, input.opportunityId);
    const { count } = await tx.opportunityFollower.createMany({
      data: [{ opportunityId: opportunity.id, userId: viewer.id, createdAt: now }],
      skipDuplicates: true,
    });
    if (count > 0) await recordFollowChange(tx, viewer, opportunity.id, 'FOLLOWED', now);
    return opportunity;
  });
}

export async function unfollowOpportunity(
  prisma: PrismaClient,
  viewer: Viewer,
  opportunityId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<Opportunity> {
  const input = parseInput(opportunityIdInput, { opportunityId });
  return prisma.$transaction(async (tx) => {
    const opportunity = await loadFollowable(tx, viewer, input.opportunityId);
    const { count } = await tx.opportunityFollower.deleteMany({ where: { opportunityId: opportunity.id, userId: viewer.id } });
    if (count > 0) await recordFollowChange(tx, viewer, opportunity.id, 'UNFOLLOWED', now);
    return opportunity;
  });
}

/** The opportunities the viewer follows and may still read (a follow outlives a team change, but shows nothing). */
export function followedOpportunitiesWhere(viewer: Viewer): Prisma.OpportunityWhereInput {
  return { AND: [opportunityReadWhere(viewer), { followers: { some: { userId: viewer.id } } }] };
}

/** Closing first on top, like the board. */
export const FOLLOWED_ORDER: Prisma.OpportunityOrderByWithRelationInput[] = [{ expectedCloseDate: 'asc' }, { id: 'asc' }];

export function followedOpportunities(prisma: PrismaClient, viewer: Viewer): Promise<Opportunity[]> {
  return prisma.opportunity.findMany({ where: followedOpportunitiesWhere(viewer), orderBy: FOLLOWED_ORDER });
}

async function loadFollowable(tx: Tx, viewer: Viewer, id: string): Promise<Opportunity> {
  // A follow is the viewer's own setting, yet still a write: read-only tokens may not.
  if (viewer.readOnly) throw new ForbiddenError('This API token is read-only.');
  const opportunity = await tx.opportunity.findUnique({ where: { id } });
  if (!opportunity || !canReadSalesRecord(viewer, opportunity)) throw new NotFoundError('Opportunity');
  return opportunity;
}

async function recordFollowChange(tx: Tx, viewer: Viewer, opportunityId: string, field: 'FOLLOWED' | 'UNFOLLOWED', now: Date) {
  await tx.opportunityChange.create({
    data: { opportunityId, actorId: viewer.id, changedAt: now, field, newValue: { userId: viewer.id, name: viewer.name } },
  });
}
