import { useTranslation } from 'react-i18next';

/** The "deals without activity" warning of an open opportunity. */
export function StaleBadge({ days }: { days: number }) {
  const { t } = useTranslation();
  const text = t('opportunity.stale', { count: days });
  return (
    <span className="stale-badge" title={text}>
      <span aria-hidden="true">⚠ </span>
      {text}
    </span>
  );
}
