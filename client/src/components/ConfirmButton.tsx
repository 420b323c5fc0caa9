import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  busy?: boolean;
  /** An action that is not destructive but still asks first (e.g. giving access back). */
  tone?: 'danger' | 'neutral';
  /** The small button of a table row. */
  small?: boolean;
}

/** An action that asks first, inline (no browser dialog); destructive unless `tone` says otherwise. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, busy, tone = 'danger', small }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const size = small ? ' button--small' : '';
  if (!asking) {
    return (
      <button type="button" className={`button ${tone === 'danger' ? 'button--danger-outline' : 'button--secondary'}${size}`} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className={`confirm${tone === 'neutral' ? ' confirm--neutral' : ''}`} role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button type="button" className={`button ${tone === 'danger' ? 'button--danger' : 'button--primary'}${size}`} onClick={onConfirm} disabled={busy}>
        {confirmLabel}
      </button>
      <button type="button" className={`button button--ghost${size}`} onClick={() => setAsking(false)} disabled={busy}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
