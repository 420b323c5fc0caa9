import { useTranslation } from 'react-i18next';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { eventKey, statusKey } from './billing-labels.ts';

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
  const { t } = useTranslation();
  const formats = useFormats();
  const event = (name: string) => {
    const key = eventKey(name);
    return key ? t(key) : name;
  };
  return (
    <section className="card" aria-labelledby="document-history-title">
      <h2 id="document-history-title">{t('billing.detail.history')}</h2>
      <ol className="document-history" data-testid="document-history">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span className="muted">{formats.dateTime(entry.at)}</span> · <strong>{event(entry.event)}</strong>
            {entry.toStatus && entry.fromStatus && (
              <span className="muted">
                {' '}
                ({t(statusKey(entry.fromStatus))} → {t(statusKey(entry.toStatus))})
              </span>
            )}{' '}
            · {entry.actor?.name ?? t('billing.detail.automatically')}
          </li>
        ))}
      </ol>
    </section>
  );
}
