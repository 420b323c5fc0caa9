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
  private recording: string[] | null = null;

  /** Starts recording; the returned function stops and returns the statements seen. */
  start(): () => string[] {
    const statements: string[] = [];
    this.recording = statements;
    return () => {
      if (this.recording === statements) this.recording = null;
      return statements;
    };
  }

  note(query: SqlQuery) {
    this.recording?.push(query.sql);
  }

  wrap(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
    const recorder = this;
    const wrapQueryable = <T extends SqlDriverAdapter | Transaction>(target: T): T =>
      new Proxy(target, {
        get(object, property, receiver) {
          const value = Reflect.get(object, property, receiver) as unknown;
          if (property === 'queryRaw' || property === 'executeRaw') {
            return (query: SqlQuery) => {
              recorder.note(query);
              return (value as (query: SqlQuery) => unknown).call(object, query);
            };
          }
          if (property === 'startTransaction') {
            return async (...args: unknown[]) =>
              wrapQueryable(await (value as (...args: unknown[]) => Promise<Transaction>).apply(object, args));
          }
          return typeof value === 'function' ? value.bind(object) : value;
        },
      });
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
