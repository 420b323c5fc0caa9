import { z } from 'zod';
import type { Opportunity, Prisma } from '../generated/prisma/client.ts';
import { emitActivityChanges, recordActivityEvents } from './activity-tracking.ts';
import { ValidationError } from './errors.ts';
import { omittable } from './validation.ts';

/**
 * What happens to an opportunity's open activities when it is won or lost: the caller decides,
 * since a follow-up call may still be wanted after a win, while the tasks of a lost deal are moot.
 * CLOSE marks them done at the moment of closing; KEEP leaves them open. Without open activities
 * no choice is needed; with some, leaving the choice out is a field error, not a silent default.
 */
export const OPEN_ACTIVITIES_CHOICES = ['CLOSE', 'KEEP'] as const;
export type OpenActivitiesChoice = (typeof OPEN_ACTIVITIES_CHOICES)[number];

export const openActivitiesChoice = omittable(z.enum(OPEN_ACTIVITIES_CHOICES, { error: 'Choose CLOSE or KEEP.' }));

/** In the closing transaction, after the opportunity is locked and before its status changes. */
export async function settleOpenActivities(
  tx: Prisma.TransactionClient,
  actorId: string,
  opportunity: Pick<Opportunity, 'id'>,
  choice: OpenActivitiesChoice | undefined,
  now: Date,
): Promise<void> {
  const open = await tx.activity.findMany({
    where: { opportunityId: opportunity.id, doneAt: null },
    select: { id: true, opportunityId: true, accountId: true, contactId: true, teamId: true, assigneeId: true, type: true, subject: true },
    orderBy: { id: 'asc' },
  });
  if (open.length === 0 || choice === 'KEEP') return;
  if (choice === undefined) {
    throw ValidationError.field(
      'openActivities',
      'CHOICE_REQUIRED',
      `This opportunity has ${open.length === 1 ? 'an open activity' : `${open.length} open activities`}: choose CLOSE to mark ${open.length === 1 ? 'it' : 'them'} done or KEEP.`,
    );
  }
  await tx.activity.updateMany({ where: { id: { in: open.map((activity) => activity.id) } }, data: { doneAt: now, updatedAt: now } });
  await recordActivityEvents(tx, actorId, 'ACTIVITY_COMPLETED', open, now);
  emitActivityChanges(actorId, 'UPDATED', open);
}
