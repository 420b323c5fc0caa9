import { useTranslation } from 'react-i18next';

export type NoticeState = { text: string; error?: boolean } | null;

/** What the last action on a settings page did, or why it did not; errors are announced at once. */
export function Notice({ notice, onDismiss }: { notice: NoticeState; onDismiss(): void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <div className={`banner banner--dismissable ${notice.error ? 'banner--error' : 'banner--success'}`} role={notice.error ? 'alert' : 'status'} data-testid="settings-notice">
      <p>{notice.text}</p>
      <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
