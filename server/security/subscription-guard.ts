import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { reauthenticate, sameAccess } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
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

function guard(source: AsyncIterable<ExecutionResult>, context: Context, viewer: Viewer): AsyncIterableIterator<ExecutionResult> {
  return new GuardedStream(source[Symbol.asyncIterator](), context, viewer);
}

const DONE: IteratorResult<ExecutionResult> = { done: true, value: undefined };

/**
 * One subscriber's stream under its credential. A plain iterator rather than a `Repeater`: it runs
 * once per subscriber and event, and during a fan-out to 10,000 subscribers the Repeater and its
 * promises took about a tenth of the server's time, this about half that (README, Benchmark). It
 * reads the source when the transport asks for the next result, holds what arrives while the
 * credential is being checked, and ends as `end` says.
 */
class GuardedStream implements AsyncIterableIterator<ExecutionResult> {
  /** Results the transport gets next, in order. */
  private readonly ready: ExecutionResult[] = [];
  /** Results that arrived while the credential was being checked. */
  private readonly held: ExecutionResult[] = [];
  private paused = 0;
  private reading = false;
  private finished = false;
  private failure: { error: unknown } | null = null;
  /** Runs once the transport has taken the last result (the session-ended error): closes the socket. */
  private afterLast: (() => void) | null = null;
  /** Wakes the transport's pending `next` when something changed. */
  private wake: (() => void) | null = null;
  private expiry: ReturnType<typeof setTimeout> | undefined;
  private readonly unwatch: () => void;

  constructor(
    private readonly source: AsyncIterator<ExecutionResult>,
    private readonly context: Context,
    private readonly viewer: Viewer,
  ) {
    this.unwatch = watchAccess(context.pubsub, viewer.id, ({ credentialId }) => {
      if (!this.finished && (credentialId === undefined || credentialId === viewer.credentialId)) void this.check();
    });
    this.armExpiry(viewer.expiresAt);
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      const result = this.ready.shift();
      if (result) return { done: false, value: result };
      if (this.finished) {
        const [afterLast, failure] = [this.afterLast, this.failure];
        this.afterLast = this.failure = null;
        afterLast?.();
        if (failure) throw failure.error;
        return DONE;
      }
      if (!this.reading) this.read();
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.ready.length = 0;
    this.afterLast = this.failure = null;
    this.finish();
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private read() {
    this.reading = true;
    this.source.next().then(
      (next) => {
        this.reading = false;
        if (this.finished) return;
        if (next.done) this.finish();
        else (this.paused > 0 ? this.held : this.ready).push(next.value);
        this.notify();
      },
      (error: unknown) => {
        this.reading = false;
        if (this.finished) return;
        this.failure = { error };
        this.finish();
      },
    );
  }

  private notify() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private finish() {
    if (this.finished) return;
    this.finished = true;
    this.held.length = 0;
    if (this.expiry) clearTimeout(this.expiry);
    this.unwatch();
    void this.source.return?.();
    this.notify();
  }

  private end(code: 'UNAUTHENTICATED' | 'ACCESS_CHANGED', message: string) {
    if (this.finished) return;
    const { socket } = this.context;
    if (code === 'ACCESS_CHANGED' && socket) {
      // Closing first leaves the subscription open on the client: graphql-ws reconnects and
      // subscribes again, now with the new access.
      socket.close(CLOSE_ACCESS_CHANGED, 'Access changed');
      this.ready.length = 0;
      this.finish();
      return;
    }
    // The error tells the client why (UNAUTHENTICATED: sign in again) before the stream ends.
    this.ready.push({ errors: [new GraphQLError(message, { extensions: { code } })] });
    this.afterLast = () => socket?.close(CLOSE_SESSION_ENDED, 'Session ended');
    this.finish();
  }

  // A timer may fire a little before the clock reaches its due time (the event loop's time is
  // cached), when the credential still looks valid: every check that finds it valid arms it
  // again for what is left, so the stream still ends at expiry (and follows a prolonged one).
  private armExpiry(expiresAt: Date | null) {
    if (this.expiry) clearTimeout(this.expiry);
    if (expiresAt === null || this.finished) return;
    this.expiry = setTimeout(() => void this.check(), Math.min(Math.max(expiresAt.getTime() - Date.now() + 1, 0), 2 ** 31 - 1));
    this.expiry.unref();
  }

  private async check() {
    this.paused += 1;
    try {
      const now = await reauthenticate(this.context.prisma, this.viewer);
      if (!now) return this.end('UNAUTHENTICATED', 'Your session has ended: sign in again.');
      if (!sameAccess(this.viewer, now)) return this.end('ACCESS_CHANGED', 'Your access has changed: subscribe again.');
      this.armExpiry(now.expiresAt);
    } catch {
      // Unsure whether the credential still works: do not deliver under it.
      return this.end('UNAUTHENTICATED', 'Your session could not be checked: sign in again.');
    } finally {
      this.paused -= 1;
    }
    if (this.paused === 0 && this.held.length > 0) {
      this.ready.push(...this.held.splice(0));
      this.notify();
    }
  }
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
