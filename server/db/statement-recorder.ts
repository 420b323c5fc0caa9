import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * Records every SQL statement Prisma sends through a driver adapter. Tests use it to prove that a
 * list query costs a constant number of statements whatever the page size (no N+1).
 */
export class StatementRecorder {
  private recording: SqlQuery[] | null = null;

  /** Starts recording; the returned function stops and returns the statements seen. */
  start(): () => string[] {
    const stop = this.startQueries();
    return () => stop().map((query) => query.sql);
  }

  /** Like `start`, with each statement's arguments (the benchmark EXPLAINs them). */
  startQueries(): () => SqlQuery[] {
    const queries: SqlQuery[] = [];
    this.recording = queries;
    return () => {
      if (this.recording === queries) this.recording = null;
      return queries;
    };
  }

  note(query: SqlQuery) {
    this.recording?.push(query);
  }

  /** `prepare` turns each statement Prisma gives into the one sent (and recorded). */
  wrap(factory: SqlDriverAdapterFactory, prepare: (query: SqlQuery) => SqlQuery = (query) => query): SqlDriverAdapterFactory {
    const recorder = this;
    const wrapQueryable = <T extends SqlDriverAdapter | Transaction>(target: T, oneConnection = false): T => {
      // A transaction holds one connection, which runs one statement at a time: statements Prisma
      // sends at once (`Promise.all` inside a transaction) wait for the one before instead of being
      // queued inside the driver (deprecated by `pg`, and gone in pg 9).
      let previous: Promise<unknown> = Promise.resolve();
      const inTurn = <R>(run: () => Promise<R>): Promise<R> => {
        const result = previous.then(run, run);
        previous = result.catch(() => undefined);
        return result;
      };
      return new Proxy(target, {
        get(object, property, receiver) {
          const value = Reflect.get(object, property, receiver) as unknown;
          if (property === 'queryRaw' || property === 'executeRaw') {
            return (given: SqlQuery) => {
              const query = prepare(given);
              recorder.note(query);
              const run = () => (value as (query: SqlQuery) => Promise<unknown>).call(object, query);
              return oneConnection ? inTurn(run) : run();
            };
          }
          if (oneConnection && (property === 'commit' || property === 'rollback')) {
            return () => inTurn(() => (value as () => Promise<void>).call(object));
          }
          if (property === 'startTransaction') {
            return async (...args: unknown[]) =>
              wrapQueryable(await (value as (...args: unknown[]) => Promise<Transaction>).apply(object, args), true);
          }
          return typeof value === 'function' ? value.bind(object) : value;
        },
      });
    };
    return new Proxy(factory, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (property === 'connect') {
          return async () => wrapQueryable(await value.call(object));
        }
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });
  }
}
