import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.ts';

/**
 * Runs a subscription's selection once per event and group of subscribers, instead of once per
 * subscriber: subscribers are in one group when they run the same document with the same
 * operation name and variables as the same user with the same access (role, teams, read-only,
 * kind of credential), whichever session or token they use. Every resolver sees only that (the
 * viewer, the arguments, the event and the database at that moment), so each subscriber of a
 * group would compute the very same result;
 * sharing it changes nothing a subscriber receives. Each subscriber keeps its own event stream,
 * so the subscription's own access filter (`visibleTo`) and the subscription guard (pause, end
 * when the credential ends or the access changes) still run per subscriber, before and after the
 * shared execution. The results of one event are held only as long as the event is, and each
 * shared execution gets a fresh context from `contextForEvent` (per-request loaders start empty).
 */
export function groupedSubscriptions<Context extends { viewer: Viewer | null }>(contextForEvent: (context: Context) => Context): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        const stream = await createSourceEventStream(args);
        if (!isAsyncIterable(stream)) return stream;
        const group = groupKey(args);
        const context = args.contextValue as Context;
        return mapAsyncIterable(stream, (event) =>
          sharedResult(event, group, () => execute({ ...args, rootValue: event, contextValue: contextForEvent(context) }) as Promise<ExecutionResult>),
        );
      });
    },
  };
}

const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/** The group's result for this event: computed by the first subscriber to ask, shared with the rest. */
function sharedResult(event: unknown, group: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
  if (typeof event !== 'object' || event === null) return run();
  let results = resultsByEvent.get(event);
  if (!results) {
    results = new Map();
    resultsByEvent.set(event, results);
  }
  let result = results.get(group);
  if (!result) {
    result = Promise.resolve().then(run);
    results.set(group, result);
  }
  return result;
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/** Documents by identity: yoga's parse cache hands every subscriber of one query text the same document. */
function documentId(document: DocumentNode): number {
  let id = documentIds.get(document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(document, id);
  }
  return id;
}

export function groupKey(args: Pick<ExecutionArgs, 'document' | 'operationName' | 'variableValues' | 'contextValue'>): string {
  const viewer = (args.contextValue as { viewer: Viewer | null }).viewer;
  // Not the credential: which session a subscriber uses changes nothing a resolver answers, and
  // the subscription guard ends each subscriber's stream when its own credential ends.
  const access = viewer && [viewer.id, viewer.role, [...viewer.teamIds].sort(), viewer.readOnly, viewer.via];
  return JSON.stringify([documentId(args.document), args.operationName ?? null, args.variableValues ?? null, access]);
}

/** Maps each value of a stream; ending the mapped stream ends the source at once (not at its next value). */
function mapAsyncIterable<T, U>(iterable: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = iterable[Symbol.asyncIterator]();
  const mapped = async (result: IteratorResult<T>): Promise<IteratorResult<U>> =>
    result.done ? { done: true, value: undefined } : { done: false, value: await map(result.value) };
  return {
    next: () => iterator.next().then(mapped),
    return: async () => (iterator.return ? mapped(await iterator.return()) : { done: true, value: undefined }),
    throw: async (error?: unknown) => (iterator.throw ? mapped(await iterator.throw(error)) : Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
