import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { ActivityChangedEvent, DocumentChangedEvent, DomainEvent, OpportunityChangedEvent } from './domain/events.ts';

/** Every topic the server publishes, with its payload. Only committed domain events are published. */
export type Topics = {
  board: [pipelineId: string, event: OpportunityChangedEvent];
  opportunity: [opportunityId: string, event: OpportunityChangedEvent];
  notifications: [userId: string, event: { notificationId: string }];
  /** Quotes, orders and invoices, keyed `opportunity:<id>`, `account:<id>` and `<kind>:<id>` (e.g. `QUOTE:<id>`). */
  documents: [key: string, event: DocumentChangedEvent];
  access: [userId: string, event: { credentialId?: string }];
  settings: [event: { type: 'SETTINGS_CHANGED' }];
  /** Every committed change of opportunities, documents and activities, for the key-figure dashboards (kpisChanged). */
  kpis: [event: OpportunityChangedEvent | DocumentChangedEvent | ActivityChangedEvent];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export interface ServerPubSub {
  pubsub: PubSub;
  close(): Promise<void>;
}

/**
 * In-process without a Redis URL; with one, events published on any instance reach the
 * subscribers of every instance (payloads travel as JSON).
 */
export function createServerPubSub(redisUrl?: string): ServerPubSub {
  if (!redisUrl) {
    // One listener per subscription on a topic is expected here, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { pubsub: createPubSub<Topics>({ eventTarget }), close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  // The Redis target is typed for any event; our topics are JSON payloads, which is what it carries.
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient }) as never;
  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    async close() {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

export function publishDomainEvents(pubsub: PubSub, events: DomainEvent[]) {
  for (const event of events) {
    if (event.type === 'NOTIFICATION_ADDED') {
      pubsub.publish('notifications', event.userId, { notificationId: event.notificationId });
      continue;
    }
    if (event.type === 'DOCUMENT_CHANGED') {
      for (const key of documentTopicKeys(event)) pubsub.publish('documents', key, event);
      pubsub.publish('kpis', event);
      continue;
    }
    if (event.type === 'ACCESS_CHANGED') {
      pubsub.publish('access', event.userId, { credentialId: event.credentialId });
      continue;
    }
    if (event.type === 'ACTIVITY_CHANGED') {
      pubsub.publish('kpis', event);
      continue;
    }
    if (event.type === 'SETTINGS_CHANGED') {
      pubsub.publish('settings', event);
      continue;
    }
    pubsub.publish('board', event.pipelineId, event);
    // A card moved into another pipeline leaves the old board.
    if (event.previousPipelineId !== event.pipelineId) pubsub.publish('board', event.previousPipelineId, event);
    pubsub.publish('opportunity', event.opportunityId, event);
    pubsub.publish('kpis', event);
  }
}

/** Where a document's change is announced: its own page, its opportunity's and its account's. */
export function documentTopicKeys(event: DocumentChangedEvent): string[] {
  return [`${event.kind}:${event.documentId}`, `account:${event.accountId}`, ...(event.opportunityId ? [`opportunity:${event.opportunityId}`] : [])];
}
