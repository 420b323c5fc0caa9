import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  question: string;
  onConfirm(reason: string | null): void;
  busy?: boolean;
}

/** A refusing step (reject, cancel) that asks for an optional reason inline before it is done. */
export function ReasonAction({ label, question, onConfirm, busy }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const id = useId();
  if (!asking) {
    return (
      <button type="button" className="button button--danger-outline" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <label htmlFor={id} className="confirm__question">
        {question}
      </label>
      <input id={id} className="input" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
      <button type="button" className="button button--danger" onClick={() => onConfirm(reason.trim() || null)} disabled={busy}>
        {label}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setAsking(false)} disabled={busy}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
