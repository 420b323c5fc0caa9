import { formatDateTime } from '../../lib/format.ts';
import { EVENT, STATUS, T } from './texts.ts';

interface Entry {
  id: string;
  at: string;
  event: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  actor?: { name: string } | null;
}

/** What happened to the document, newest first. */
export function DocumentHistoryList({ entries }: { entries: readonly Entry[] }) {
  return (
    <section className="card" aria-labelledby="document-history-title">
      <h2 id="document-history-title">{T.detail.history}</h2>
      <ol className="document-history" data-testid="document-history">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span className="muted">{formatDateTime(entry.at)}</span> · <strong>{EVENT[entry.event] ?? entry.event}</strong>
            {entry.toStatus && entry.fromStatus && (
              <span className="muted">
                {' '}
                ({STATUS[entry.fromStatus] ?? entry.fromStatus} → {STATUS[entry.toStatus] ?? entry.toStatus})
              </span>
            )}{' '}
            · {entry.actor?.name ?? T.detail.expiryJob}
          </li>
        ))}
      </ol>
    </section>
  );
}
