import { AsyncLocalStorage } from 'node:async_hooks';
import type { FieldChange } from './opportunity-history.ts';

/**
 * What the domain tells the rest of the server after a change has been committed. Domain code
 * calls `emit` inside `committed(...)`; the events reach the caller of `collectEvents` only when
 * the transaction succeeded, so nobody is told about a change that was rolled back.
 */
export type DomainEvent =
  | {
      type: 'OPPORTUNITY_CHANGED';
      change: 'CREATED' | 'UPDATED' | 'DELETED';
      opportunityId: string;
      pipelineId: string;
      previousPipelineId: string;
      stageId: string;
      previousStageId: string;
      teamId: string;
      previousTeamId: string;
      actorId: string;
      version: number;
      changes: FieldChange[];
    }
  | { type: 'NOTIFICATION_ADDED'; userId: string; notificationId: string }
  | {
      /** A quote, order or invoice was created, changed its status or lines, got a payment, or was deleted. */
      type: 'DOCUMENT_CHANGED';
      kind: 'QUOTE' | 'ORDER' | 'INVOICE';
      change: 'CREATED' | 'UPDATED' | 'DELETED';
      /** What happened, as in the document's history: CREATED, SENT, ACCEPTED, PAYMENT_RECORDED... */
      event: string;
      documentId: string;
      number: string;
      status: string;
      opportunityId: string | null;
      accountId: string;
      teamId: string;
      actorId: string | null;
    }
  /**
   * Activities were created, changed (done, reopened, rescheduled, edited) or deleted: one event
   * per activity, carrying the team of the record it is about (who may read it).
   */
  | {
      type: 'ACTIVITY_CHANGED';
      change: 'CREATED' | 'UPDATED' | 'DELETED';
      activityId: string;
      opportunityId: string | null;
      accountId: string | null;
      contactId: string | null;
      teamId: string;
      assigneeId: string;
      actorId: string;
    }
  /**
   * A user's access changed: one credential ended (`credentialId`: logout, revoked token) or all
   * of them may have (deactivated, role or teams changed). Live subscriptions check again.
   */
  | { type: 'ACCESS_CHANGED'; userId: string; credentialId?: string }
  /** The organisation's settings changed: every instance forgets the ones it cached. */
  | { type: 'SETTINGS_CHANGED' };

export type OpportunityChangedEvent = Extract<DomainEvent, { type: 'OPPORTUNITY_CHANGED' }>;
export type DocumentChangedEvent = Extract<DomainEvent, { type: 'DOCUMENT_CHANGED' }>;
export type ActivityChangedEvent = Extract<DomainEvent, { type: 'ACTIVITY_CHANGED' }>;

const storage = new AsyncLocalStorage<DomainEvent[]>();
let activeRuns = 0;

/**
 * On Node 20 an enabled AsyncLocalStorage installs promise hooks that tax every promise of the
 * process (a board request makes thousands), so the storage is switched off whenever no collector
 * is running; reads (queries, subscriptions) run without one.
 */
async function runCollecting<T>(events: DomainEvent[], run: () => Promise<T>): Promise<T> {
  activeRuns += 1;
  try {
    return await storage.run(events, run);
  } finally {
    activeRuns -= 1;
    if (activeRuns === 0) storage.disable();
  }
}

export function emit(event: DomainEvent) {
  storage.getStore()?.push(event);
}

/** Runs a transaction; the events it emitted are passed on only once it has committed. */
export async function committed<T>(transaction: () => Promise<T>): Promise<T> {
  const pending: DomainEvent[] = [];
  const result = await runCollecting(pending, transaction);
  const outer = storage.getStore();
  if (outer) outer.push(...pending);
  return result;
}

export async function collectEvents<T>(run: () => Promise<T>): Promise<{ result: T; events: DomainEvent[] }> {
  const events: DomainEvent[] = [];
  const result = await runCollecting(events, run);
  return { result, events };
}
