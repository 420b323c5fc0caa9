import { createClient, type Client } from 'graphql-ws';

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting';

export interface LiveState {
  status: LiveStatus;
  /** How many times the socket has been acknowledged; a rise past 1 is a reconnect. */
  connections: number;
}

/** The graphql-ws client of a session and what the UI needs to know of its connection. */
export interface LiveConnection {
  client: Client;
  getState(): LiveState;
  subscribe(listener: () => void): () => void;
}

/** graphql-ws pings every this often; a pong missing for PONG_TIMEOUT_MS means a dead socket. */
const PING_INTERVAL_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Waits before the nth reconnect attempt: 1 s, 2 s, 4 s ... up to 30 s, each drawn at random
 * between half and all of that, so clients dropped together (a server restart) do not all come
 * back in the same instant.
 */
export function retryDelayMs(retries: number, random = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, 1_000 * 2 ** retries);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Opens the WebSocket on the first subscription and keeps it: a dropped connection (network
 * gone, server restarted or shut down with 1001) is retried forever with backoff, and graphql-ws
 * subscribes every active subscription again once it is back. Pages learn of the reconnect
 * through `connections` and fetch what they missed.
 */
export function createLiveConnection(url: string, authorization: string): LiveConnection {
  let state: LiveState = { status: 'connecting', connections: 0 };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<LiveState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let socket: WebSocket | undefined;
  const client = createClient({
    url,
    connectionParams: { authorization },
    lazy: true,
    retryAttempts: Infinity,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    keepAlive: PING_INTERVAL_MS,
    on: {
      connecting: () => update({ status: state.connections === 0 ? 'connecting' : 'reconnecting' }),
      opened: (opened) => {
        socket = opened as WebSocket;
      },
      connected: () => update({ status: 'connected', connections: state.connections + 1 }),
      closed: () => {
        clearTimeout(pongTimer);
        socket = undefined;
        if (state.status === 'connected') update({ status: 'reconnecting' });
      },
      ping: (received) => {
        if (received) return;
        pongTimer = setTimeout(() => {
          // 4408: graphql-ws retries it; the socket is half-open and would never report an error.
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Pong timeout');
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });

  return {
    client,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
