import { useTranslation } from 'react-i18next';

interface Props {
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  onPrevious(cursor: string): void;
  onNext(cursor: string): void;
  label: string;
}

/** Previous/next over a Relay connection's cursors. */
export function Pager({ pageInfo, onPrevious, onNext, label }: Props) {
  const { t } = useTranslation();
  const { hasNextPage, hasPreviousPage, startCursor, endCursor } = pageInfo;
  if (!hasNextPage && !hasPreviousPage) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button button--secondary"
        disabled={!hasPreviousPage || !startCursor}
        onClick={() => startCursor && onPrevious(startCursor)}
      >
        ← {t('common.previous')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!hasNextPage || !endCursor}
        onClick={() => endCursor && onNext(endCursor)}
      >
        {t('common.next')} →
      </button>
    </nav>
  );
}
