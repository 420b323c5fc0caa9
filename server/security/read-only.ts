import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { ForbiddenError } from '../domain/errors.ts';

/**
 * A read-only API token writes nothing: every mutation sent with one is refused before any
 * resolver runs, so a mutation added later cannot forget the check. (Mutations also carry the
 * `writer` scope; this is the guarantee.)
 */
export function refuseMutationsForReadOnlyTokens(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const viewer = (args.contextValue as Partial<Context>).viewer;
      if (!viewer?.readOnly) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const error = new ForbiddenError('This API token is read-only: it may not change anything.');
      setResultAndStopExecution({ data: null, errors: [new GraphQLError(error.message, { extensions: error.extensions })] });
    },
  };
}
