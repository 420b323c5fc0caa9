import { useLiveConnection } from '../hooks/useLiveConnection.ts';

const LABELS = { connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…' } as const;

/**
 * Whether live updates arrive: the WebSocket is acknowledged and answers pings. While it is
 * reconnecting, what the pages show may be behind; they catch up once it is back.
 */
export function LiveIndicator() {
  const { status } = useLiveConnection();
  return (
    <span
      className={`live-indicator live-indicator--${status === 'connected' ? 'on' : 'off'}`}
      role="status"
      title={status === 'reconnecting' ? 'The live connection dropped; retrying. Changes of others appear once it is back.' : 'Live updates'}
      data-testid="live-indicator"
    >
      {LABELS[status]}
    </span>
  );
}
