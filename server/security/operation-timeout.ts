import type { Plugin } from 'graphql-yoga';
import { limitError } from './query-limits.ts';

/**
 * Aborts a query or mutation that runs longer than `timeoutMs`, or whose client went away: the
 * executor starts no further resolvers and the caller gets OPERATION_TIMEOUT. Work already
 * started finishes (a statement sent to the database, a transaction that began), so a mutation is
 * never half-applied; PostgreSQL's `statement_timeout` bounds a single statement.
 *
 * The executor gets a signal of its own that dies with the execution: the request's abort is
 * forwarded by a listener removed when the execution ends. (`AbortSignal.any` with the request's
 * signal kept every execution's signal, and the executor's listeners on it, alive as long as the
 * request: a WebSocket's for its whole life, which grew the heap by every operation it carried.)
 */
export function operationTimeout(timeoutMs: number): Plugin {
  return {
    onExecute({ args }) {
      const timeout = new AbortController();
      const timer = setTimeout(() => {
        const message = `The operation took longer than ${timeoutMs} ms and was stopped.`;
        timeout.abort(limitError('OPERATION_TIMEOUT', message, { limit: timeoutMs }, 503));
      }, timeoutMs);
      // A WebSocket operation's request is a stand-in shared by all of them, never aborted.
      const context = args.contextValue as { request?: Request; socket?: unknown };
      const requestSignal = context.socket ? undefined : context.request?.signal;
      const abortWithRequest = () => timeout.abort(requestSignal?.reason);
      if (requestSignal?.aborted) abortWithRequest();
      else requestSignal?.addEventListener('abort', abortWithRequest, { once: true });
      (args as { signal?: AbortSignal }).signal = timeout.signal;
      return {
        onExecuteDone() {
          clearTimeout(timer);
          requestSignal?.removeEventListener('abort', abortWithRequest);
        },
      };
    },
  };
}
