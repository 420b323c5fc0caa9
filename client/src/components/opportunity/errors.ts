import type { CombinedError } from 'urql';

/**
 * What to tell the user when a mutation did not succeed: the message of an expected failure
 * (ValidationError, ConflictError, OpportunityClosedError: members of the result union), else the
 * GraphQL error (FORBIDDEN, NOT_FOUND, ...), else that the server could not be reached.
 */
export function failureMessage(
  outcome: { __typename?: string; message?: string } | null | undefined,
  error: CombinedError | undefined,
  fallback: string,
): string {
  if (outcome && 'message' in outcome && outcome.message) return outcome.message;
  if (error?.networkError) return 'The server cannot be reached. Check your connection and try again.';
  const graphQLMessage = error?.graphQLErrors.map((graphQLError) => graphQLError.message).join(' ');
  return graphQLMessage || fallback;
}

/** "changed by someone else": the wording every page uses for a ConflictError. */
export const CONFLICT_MESSAGE =
  'This opportunity was changed by someone else in the meantime. It has been reloaded: check it and try again.';
