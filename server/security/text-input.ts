import { GraphQLError, visit, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * PostgreSQL cannot store the NUL character in text, so no input of this API may contain one:
 * refused for the whole operation, before any resolver runs, wherever it hides (a variable, a
 * nested input field, a literal in the document).
 */
export function refuseNulCharacters(): Plugin {
  const check = (args: ExecutionArgs, stop: (result: ExecutionResult) => void) => {
    if (!hasNul(args.variableValues) && !documentHasNul(args.document)) return;
    stop({
      errors: [
        new GraphQLError('Text may not contain the NUL character (\\u0000).', {
          extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', http: { status: 400 } },
        }),
      ],
    });
  };
  return {
    onExecute: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
    onSubscribe: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution as (result: ExecutionResult) => void),
  };
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.includes('\u0000') || hasNul(item));
  return false;
}

function documentHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}
