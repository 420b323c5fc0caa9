import type { Database } from './db/database.ts';
import { expireQuotes } from './domain/billing/expiry.ts';
import { collectEvents } from './domain/events.ts';
import { publishDomainEvents, type PubSub } from './pubsub.ts';

const EXPIRY_INTERVAL_MS = 60_000;

/**
 * Expires quotes past their validity every minute on every instance; the claim in `expireQuotes`
 * makes running it on several instances safe. Returns the function that stops it.
 */
export function scheduleQuoteExpiry(db: Database, pubsub: PubSub, intervalMs = EXPIRY_INTERVAL_MS): () => void {
  // A run still working off a backlog is not joined by the next tick: that one is skipped.
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= expireAndAnnounce(db, pubsub).finally(() => (running = undefined));
  }, intervalMs);
  return () => clearInterval(timer);
}

/** A failed round is retried by the next one. */
async function expireAndAnnounce(db: Database, pubsub: PubSub) {
  try {
    const { events } = await collectEvents(() => expireQuotes(db.prisma));
    publishDomainEvents(pubsub, events);
  } catch (error) {
    console.warn(`Could not expire quotes: ${(error as Error).message}`);
  }
}
