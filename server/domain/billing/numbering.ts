import type { Prisma } from '../../generated/prisma/client.ts';
import type { DocumentKind } from './errors.ts';

const PREFIXES: Record<DocumentKind, string> = { QUOTE: 'QUO', ORDER: 'ORD', INVOICE: 'INV' };

export function formatDocumentNumber(kind: DocumentKind, year: number, sequence: number): string {
  return `${PREFIXES[kind]}-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The next number of the kind in the year, e.g. INV-2026-0042. Takes it from the year's counter
 * row, which stays locked until the caller's transaction ends: concurrent creations queue up, and a
 * creation that rolls back takes its number back with it, so invoice numbers have no gaps (as
 * German bookkeeping requires). Call it last in the transaction to hold the lock briefly.
 */
export async function nextDocumentNumber(tx: Prisma.TransactionClient, kind: DocumentKind, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ lastNumber: number }>>`
    INSERT INTO "DocumentSequence" ("kind", "year", "lastNumber") VALUES (${kind}::"DocumentKind", ${year}, 1)
    ON CONFLICT ("kind", "year") DO UPDATE SET "lastNumber" = "DocumentSequence"."lastNumber" + 1
    RETURNING "lastNumber"`;
  return formatDocumentNumber(kind, year, row.lastNumber);
}
