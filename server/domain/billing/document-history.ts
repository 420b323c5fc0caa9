import type { Prisma } from '../../generated/prisma/client.ts';
import { emit } from '../events.ts';
import type { DocumentKind } from './errors.ts';

type Tx = Prisma.TransactionClient;

/** What history and live events need to know of a quote, order or invoice. */
export interface DocumentRef {
  id: string;
  number: string;
  status: string;
  opportunityId: string | null;
  accountId: string;
  teamId: string;
}

export interface DocumentChangeNote {
  event: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  details?: Prisma.InputJsonValue;
}

const FOREIGN_KEY: Record<DocumentKind, 'quoteId' | 'orderId' | 'invoiceId'> = { QUOTE: 'quoteId', ORDER: 'orderId', INVOICE: 'invoiceId' };

/**
 * Records what happened to a document in its history (and so on the timelines of its opportunity
 * and account) and announces it to live subscribers once the transaction commits.
 */
export async function recordDocumentChange(
  tx: Tx,
  kind: DocumentKind,
  document: DocumentRef,
  actorId: string | null,
  at: Date,
  note: DocumentChangeNote,
  change: 'CREATED' | 'UPDATED' | 'DELETED' = note.event === 'CREATED' ? 'CREATED' : 'UPDATED',
): Promise<void> {
  if (change !== 'DELETED') {
    await tx.documentChange.create({
      data: {
        [FOREIGN_KEY[kind]]: document.id,
        opportunityId: document.opportunityId,
        accountId: document.accountId,
        actorId,
        at,
        event: note.event,
        fromStatus: note.fromStatus ?? null,
        toStatus: note.toStatus ?? null,
        details: note.details,
      },
    });
  }
  emitDocumentChanged(kind, document, actorId, note.event, change);
}

export function emitDocumentChanged(
  kind: DocumentKind,
  document: DocumentRef,
  actorId: string | null,
  event: string,
  change: 'CREATED' | 'UPDATED' | 'DELETED',
) {
  emit({
    type: 'DOCUMENT_CHANGED',
    kind,
    change,
    event,
    documentId: document.id,
    number: document.number,
    status: document.status,
    opportunityId: document.opportunityId,
    accountId: document.accountId,
    teamId: document.teamId,
    actorId,
  });
}
