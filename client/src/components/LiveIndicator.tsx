import { useEffect, useState } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';

const INTERVAL_MS = 15_000;
const TICKS = 1000;

const HeartbeatSubscription = graphql(`
  subscription Heartbeat($intervalMs: Int!, $count: Int!) {
    heartbeat(intervalMs: $intervalMs, count: $count) {
      sequence
      at
    }
  }
`);

/** Shows whether the live connection (WebSocket) works, from the server's heartbeat ticks. */
export function LiveIndicator() {
  // One subscription lasts TICKS ticks (a few hours); then a new round starts.
  const [round, setRound] = useState(0);
  const [lastTick, setLastTick] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 5_000);
    return () => window.clearInterval(timer);
  }, []);

  const live = !failed && lastTick !== null && Math.max(now, lastTick) - lastTick < INTERVAL_MS * 2.5;
  const label = live ? 'Live' : lastTick === null && !failed ? 'Connecting…' : 'Offline';
  return (
    <span className={`live-indicator live-indicator--${live ? 'on' : 'off'}`} role="status" title="Live updates">
      <HeartbeatRound
        key={round}
        onTick={(sequence) => {
          setFailed(false);
          setLastTick(Date.now());
          if (sequence >= TICKS) setRound((value) => value + 1);
        }}
        onError={() => setFailed(true)}
      />
      {label}
    </span>
  );
}

function HeartbeatRound({ onTick, onError }: { onTick(sequence: number): void; onError(): void }) {
  const [{ data, error }] = useSubscription({
    query: HeartbeatSubscription,
    variables: { intervalMs: INTERVAL_MS, count: TICKS },
  });
  const sequence = data?.heartbeat.sequence;
  useEffect(() => {
    if (sequence !== undefined) onTick(sequence);
    // onTick is a new function on every render; only a new tick matters.
  }, [sequence]);
  useEffect(() => {
    if (error) onError();
  }, [error]);
  return null;
}
