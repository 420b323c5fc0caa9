import { createSourceEventStream, execute, Kind, subscribe, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.ts';

/**
 * Runs a subscription once per group of subscribers instead of once per subscriber: subscribers
 * are in one group when they run the same document with the same operation name and variables as
 * the same user with the same access (role, teams, read-only, kind of credential), whichever
 * session or token they use. Every resolver sees only that (the viewer, the arguments, the event
 * and the database at that moment), so each subscriber of a group would receive the very same
 * events and results; the group subscribes to the events once (with its first subscriber's
 * context, which decided access exactly as a later one's would), executes the selection once
 * per event with a fresh context from `contextForEvent` (per-request loaders start empty), and
 * hands the same result to every subscriber. The subscription guard still runs per subscriber
 * (pause, end when its own credential ends or the access changes); a subscriber that leaves
 * leaves the group, and the last one to leave ends the group's subscription.
 */
export function groupedSubscriptions<Context extends { viewer: Viewer | null }>(
  contextForEvent: (context: Context) => Context,
  /**
   * Root subscription fields whose events come from the shared event bus, the same for every
   * subscriber of a topic. Others (a heartbeat's own timer) run per subscriber: a subscriber
   * joining a running group would miss what their source yielded first.
   */
  sharedFields: ReadonlySet<string>,
): Plugin {
  const groups = new Map<string, Group>();
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        if (!rootFields(args).every((field) => sharedFields.has(field))) return subscribe(args);
        const key = groupKey(args);
        const existing = groups.get(key);
        if (existing) return existing.join();
        const stream = await createSourceEventStream(args);
        if (!isAsyncIterable(stream)) return stream;
        // Another subscriber of the group may have started it meanwhile.
        const raced = groups.get(key);
        if (raced) {
          void stream[Symbol.asyncIterator]().return?.();
          return raced.join();
        }
        const context = args.contextValue as Context;
        const group: Group = new Group(
          stream,
          async (event) => (await execute({ ...args, rootValue: event, contextValue: contextForEvent(context) })) as ExecutionResult,
          () => groups.get(key) === group && groups.delete(key),
        );
        groups.set(key, group);
        return group.join();
      });
    },
  };
}

/** One source of events, executed once per event, and the subscribers it feeds. */
class Group {
  private readonly members = new Set<Member>();
  private readonly source: AsyncIterator<unknown>;

  constructor(
    events: AsyncIterable<unknown>,
    private readonly run: (event: unknown) => Promise<ExecutionResult>,
    private readonly ended: () => unknown,
  ) {
    this.source = events[Symbol.asyncIterator]();
    void this.pump();
  }

  join(): AsyncIterableIterator<ExecutionResult> {
    const member = new Member(() => this.leave(member));
    this.members.add(member);
    return member;
  }

  private leave(member: Member) {
    this.members.delete(member);
    if (this.members.size === 0) this.end();
  }

  private end() {
    this.ended();
    for (const member of this.members) member.end();
    this.members.clear();
    void this.source.return?.();
  }

  private async pump() {
    try {
      for (let next = await this.source.next(); !next.done && this.members.size > 0; next = await this.source.next()) {
        const result = this.run(next.value);
        // A failed execution reaches each subscriber as that event's rejection, not as an unhandled one.
        result.catch(() => {});
        for (const member of this.members) member.push(result);
      }
    } catch (error) {
      for (const member of this.members) member.push(Promise.reject(error));
    }
    this.end();
  }
}

/** A subscriber's stream: the group's results in order; returning it leaves the group at once. */
class Member implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: Array<Promise<ExecutionResult>> = [];
  private waiting: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  private waitingFailed: ((error: unknown) => void) | null = null;
  private done = false;

  constructor(private readonly onLeave: () => void) {}

  push(result: Promise<ExecutionResult>) {
    if (this.done) return;
    if (!this.waiting) return void this.queue.push(result);
    const [resolve, reject] = [this.waiting, this.waitingFailed!];
    this.waiting = this.waitingFailed = null;
    result.then((value) => resolve({ done: false, value }), reject);
  }

  end() {
    this.done = true;
    this.waiting?.({ done: true, value: undefined });
    this.waiting = this.waitingFailed = null;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const queued = this.queue.shift();
    if (queued) return queued.then((value) => ({ done: false, value }));
    if (this.done) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.waitingFailed = reject;
    });
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.done) {
      this.queue.length = 0;
      this.end();
      this.onLeave();
    }
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }
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

/** The root fields the subscription selects (a subscription selects exactly one). */
function rootFields({ document, operationName }: Pick<ExecutionArgs, 'document' | 'operationName'>): string[] {
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
  return operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : ''));
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
