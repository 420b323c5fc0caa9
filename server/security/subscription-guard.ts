import { GraphQLError, type ExecutionResult } from 'graphql';
import { Repeater, type Plugin } from 'graphql-yoga';
import { reauthenticate, sameAccess } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import { untilStopped } from '../live/until-stopped.ts';
import type { PubSub } from '../pubsub.ts';

/** WebSocket close codes (graphql-ws reserves 4400-4499 for its protocol; 4401 means "sign in"). */
export const CLOSE_SESSION_ENDED = 4401;
export const CLOSE_ACCESS_CHANGED = 4000;

/**
 * A live subscription delivers only while the credential it was opened with still grants the same
 * access. When the user's access changes (logout, revoked token, deactivation, new role or teams)
 * delivery pauses at once, the credential is checked again, and the subscription either goes on
 * or ends with an error: UNAUTHENTICATED when the credential no longer works, ACCESS_CHANGED when
 * it does with other rights (subscribe again to get events under those). A credential's expiry
 * ends it the same way. Over a WebSocket the socket is closed as well: 4401 after the error (the
 * client signs in again), or 4000 instead of it (graphql-ws reconnects and subscribes again). Subscriptions that fail before they start answer SSE with
 * 401/403/400 instead of 500.
 */
export function subscriptionGuard(): Plugin {
  return {
    onSubscribe({ args }) {
      const context = args.contextValue as unknown as Context;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) {
            setResult(withHttpStatus(result as ExecutionResult));
            return;
          }
          if (context.viewer) setResult(guard(result as AsyncIterable<ExecutionResult>, context, context.viewer));
        },
      };
    },
  };
}

const STATUS_BY_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

function withHttpStatus(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return {
    ...result,
    errors: result.errors.map((error) => {
      const status = STATUS_BY_CODE[String(error.extensions?.code)];
      if (!status || error.extensions?.http) return error;
      return new GraphQLError(error.message, { ...error, extensions: { ...error.extensions, http: { status } } });
    }),
  };
}

function guard(source: AsyncIterable<ExecutionResult>, context: Context, viewer: Viewer) {
  return new Repeater<ExecutionResult>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    let paused = 0;
    const held: ExecutionResult[] = [];
    let ended = false;

    const end = async (code: 'UNAUTHENTICATED' | 'ACCESS_CHANGED', message: string) => {
      if (ended) return;
      ended = true;
      held.length = 0;
      const { socket } = context;
      if (code === 'ACCESS_CHANGED' && socket) {
        // Closing first leaves the subscription open on the client: graphql-ws reconnects and
        // subscribes again, now with the new access.
        socket.close(CLOSE_ACCESS_CHANGED, 'Access changed');
        stop();
        return;
      }
      // The error tells the client why (UNAUTHENTICATED: sign in again) before the stream ends.
      await push({ errors: [new GraphQLError(message, { extensions: { code } })] });
      stop();
      socket?.close(CLOSE_SESSION_ENDED, 'Session ended');
    };

    let expiry: ReturnType<typeof setTimeout> | undefined;
    // A timer may fire a little before the clock reaches its due time (the event loop's time is
    // cached), when the credential still looks valid: every check that finds it valid arms it
    // again for what is left, so the stream still ends at expiry (and follows a prolonged one).
    const armExpiry = (expiresAt: Date | null) => {
      if (expiry) clearTimeout(expiry);
      if (expiresAt === null || ended) return;
      expiry = setTimeout(() => void check(), Math.min(Math.max(expiresAt.getTime() - Date.now() + 1, 0), 2 ** 31 - 1));
      expiry.unref();
    };

    const check = async () => {
      paused += 1;
      try {
        const now = await reauthenticate(context.prisma, viewer);
        if (!now) return end('UNAUTHENTICATED', 'Your session has ended: sign in again.');
        if (!sameAccess(viewer, now)) return end('ACCESS_CHANGED', 'Your access has changed: subscribe again.');
        armExpiry(now.expiresAt);
      } catch {
        // Unsure whether the credential still works: do not deliver under it.
        return end('UNAUTHENTICATED', 'Your session could not be checked: sign in again.');
      } finally {
        paused -= 1;
      }
      if (paused === 0) for (const result of held.splice(0)) await push(result);
    };

    const unwatch = watchAccess(context.pubsub, viewer.id, ({ credentialId }) => {
      if (!ended && (credentialId === undefined || credentialId === viewer.credentialId)) void check();
    });

    armExpiry(viewer.expiresAt);

    void stop.then(() => {
      ended = true;
      if (expiry) clearTimeout(expiry);
      unwatch();
      void iterator.return?.();
    });

    const nextUnlessStopped = untilStopped(iterator, stop);
    for (;;) {
      const next = await nextUnlessStopped();
      if (!next || next.done || ended) break;
      if (paused > 0) held.push(next.value);
      else await push(next.value);
    }
    stop();
  });
}

type AccessChange = { credentialId?: string };

/** One user's subscription to the event bus's access changes, and who listens to it. */
interface AccessWatch {
  watchers: Set<(change: AccessChange) => void>;
  stop: () => void;
}

/** Per event bus, the access watch of each user with open subscriptions. */
const accessWatches = new WeakMap<PubSub, Map<string, AccessWatch>>();

/**
 * Calls `onChange` on each change of the user's access until the returned function is called.
 * The event bus is subscribed to once per user, however many subscriptions the user has open.
 */
export function watchAccess(pubsub: PubSub, userId: string, onChange: (change: AccessChange) => void): () => void {
  let byUser = accessWatches.get(pubsub);
  if (!byUser) accessWatches.set(pubsub, (byUser = new Map()));
  const watch = byUser.get(userId) ?? startAccessWatch(pubsub, userId);
  byUser.set(userId, watch);
  watch.watchers.add(onChange);
  return () => {
    if (!watch.watchers.delete(onChange) || watch.watchers.size > 0) return;
    if (byUser.get(userId) === watch) byUser.delete(userId);
    watch.stop();
  };
}

function startAccessWatch(pubsub: PubSub, userId: string): AccessWatch {
  const changes = pubsub.subscribe('access', userId)[Symbol.asyncIterator]();
  const watchers = new Set<(change: AccessChange) => void>();
  void (async () => {
    for (let change = await changes.next(); !change.done; change = await changes.next()) {
      for (const watcher of [...watchers]) watcher(change.value);
    }
  })();
  return { watchers, stop: () => void changes.return?.() };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
