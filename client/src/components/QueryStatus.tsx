import type { CombinedError } from 'urql';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function QueryError({ error }: { error: CombinedError }) {
  const message = error.networkError
    ? 'The server cannot be reached. Check your connection and try again.'
    : error.graphQLErrors.map((graphQLError) => graphQLError.message).join(' ');
  return (
    <div className="banner banner--error" role="alert">
      {message}
    </div>
  );
}
