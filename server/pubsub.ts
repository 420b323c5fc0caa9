import { createPubSub } from 'graphql-yoga';
import type { DomainEvent, OpportunityChangedEvent } from './domain/events.ts';

/** Every topic the server publishes, with its payload. Only committed domain events are published. */
export type Topics = {
  board: [pipelineId: string, event: OpportunityChangedEvent];
  opportunity: [opportunityId: string, event: OpportunityChangedEvent];
  notifications: [userId: string, event: { notificationId: string }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export function createServerPubSub(): PubSub {
  return createPubSub<Topics>();
}

export function publishDomainEvents(pubsub: PubSub, events: DomainEvent[]) {
  for (const event of events) {
    if (event.type === 'NOTIFICATION_ADDED') {
      pubsub.publish('notifications', event.userId, { notificationId: event.notificationId });
      continue;
    }
    pubsub.publish('board', event.pipelineId, event);
    // A card moved into another pipeline leaves the old board.
    if (event.previousPipelineId !== event.pipelineId) pubsub.publish('board', event.previousPipelineId, event);
    pubsub.publish('opportunity', event.opportunityId, event);
  }
}
