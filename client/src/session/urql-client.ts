import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createLiveConnection, type LiveConnection } from './live-connection.ts';

/**
 * One urql client per session: a new token gets a new client, so nothing cached for one user is
 * ever shown to the next. HTTP requests carry the token as `Authorization: Bearer`, the WebSocket
 * (opened on the first subscription, see live-connection.ts) in graphql-ws `connection_init`.
 */
export function createUrqlClient(token: string | null, onUnauthenticated: () => void): { client: Client; live: LiveConnection | null } {
  const authorization = token ? `Bearer ${token}` : undefined;
  const live = authorization ? createLiveConnection(webSocketUrl('/graphql'), authorization) : null;
  const ws = live?.client;

  const client = new Client({
    url: '/graphql',
    fetchOptions: () => (authorization ? { headers: { authorization } } : {}),
    exchanges: [
      mapExchange({
        onError(error) {
          // An expired or revoked session: whatever was asked, the answer is to sign in again.
          if (error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === 'UNAUTHENTICATED')) {
            onUnauthenticated();
          }
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        enableAllOperations: false,
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              if (!ws) {
                sink.error(new Error('Sign in to receive live updates.'));
                return { unsubscribe: () => {} };
              }
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
  return { client, live };
}

function webSocketUrl(path: string): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${path}`;
}
