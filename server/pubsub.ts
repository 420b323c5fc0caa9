import { createPubSub } from 'graphql-yoga';

/** Every topic the server publishes, with its payload. Only domain code publishes. */
export type Topics = Record<string, never>;

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export function createServerPubSub(): PubSub {
  return createPubSub<Topics>();
}
