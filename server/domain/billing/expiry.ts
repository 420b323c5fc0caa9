import type { PrismaClient } from '../../generated/prisma/client.ts';
import { ORGANISATION_TIME_ZONE } from '../calendar.ts';
import { committed } from '../events.ts';
import { emitDocumentChanged } from './document-history.ts';
import { today } from './documents.ts';

/** Quotes expired per transaction; a run takes batch after batch until none is left (or MAX_BATCHES). */
export const EXPIRY_BATCH_SIZE = 200;
const MAX_BATCHES = 50;

interface ExpiredRow {
  id: string;
  number: string;
  opportunityId: string | null;
  accountId: string;
  teamId: string;
  decidedAt: Date;
}

/**
 * Expires every SENT quote whose valid-until day is over. Each batch claims its quotes with one
 * UPDATE over rows selected FOR UPDATE SKIP LOCKED, so server instances running this at the same
 * time split the work and never expire a quote twice; history rows and live events are written
 * in the batch's transaction. A quote expires at the start of the day after its validity
 * (organisation time zone), which is its `decidedAt` even when the job runs late.
 */
export async function expireQuotes(prisma: PrismaClient, { now = new Date(), batchSize = EXPIRY_BATCH_SIZE } = {}): Promise<number> {
  const cutoff = today(now);
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const expired = await committed(() =>
      prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<ExpiredRow[]>`
          WITH claimed AS (
            SELECT "id" FROM "Quote"
            WHERE "status" = 'SENT' AND "validUntil" < ${cutoff}::date
            ORDER BY "validUntil", "id"
            LIMIT ${batchSize}
            FOR UPDATE SKIP LOCKED
          )
          UPDATE "Quote" q
          SET "status" = 'EXPIRED',
              "decidedAt" = LEAST(${now}::timestamptz, (q."validUntil" + 1)::timestamp AT TIME ZONE ${ORGANISATION_TIME_ZONE}),
              "updatedAt" = ${now}::timestamptz
          FROM claimed
          WHERE q."id" = claimed."id" AND q."status" = 'SENT'
          RETURNING q."id", q."number", q."opportunityId", q."accountId", q."teamId", q."decidedAt"`;
        if (rows.length === 0) return rows;
        await tx.documentChange.createMany({
          data: rows.map((row) => ({
            quoteId: row.id,
            opportunityId: row.opportunityId,
            accountId: row.accountId,
            actorId: null,
            at: row.decidedAt,
            event: 'EXPIRED',
            fromStatus: 'SENT',
            toStatus: 'EXPIRED',
          })),
        });
        for (const row of rows) emitDocumentChanged('QUOTE', { ...row, status: 'EXPIRED' }, null, 'EXPIRED', 'UPDATED');
        return rows;
      }),
    );
    total += expired.length;
    if (expired.length < batchSize) break;
  }
  return total;
}
