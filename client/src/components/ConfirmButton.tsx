import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  busy?: boolean;
}

/** A destructive action that asks first, inline (no browser dialog). */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, busy }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button--danger-outline" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
        {confirmLabel}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setAsking(false)} disabled={busy}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
