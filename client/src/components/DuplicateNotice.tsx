import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  message: string;
  existing: readonly { id: string; label: string; href: string; detail?: string }[];
  /** e.g. "Create anyway": submits the surrounding form again with `allowDuplicate`. */
  overrideLabel: string;
  busy?: boolean;
}

/**
 * The server found similar records and saved nothing. Links to them, or saves anyway: the button
 * is a submit button named `allowDuplicate`, so it sends what the form holds now.
 */
export function DuplicateNotice({ message, existing, overrideLabel, busy }: Props) {
  const { t } = useTranslation();
  return (
    <div className="banner banner--warning" role="alert" data-testid="duplicate-notice">
      <p>
        <strong>{t('customer.duplicate.title')}</strong> {message}
      </p>
      {existing.length > 0 && (
        <ul className="duplicate-list">
          {existing.map((record) => (
            <li key={record.id}>
              <Link to={record.href}>{record.label}</Link>
              {record.detail && <span className="muted"> · {record.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" name="allowDuplicate" value="true" className="button button--secondary" disabled={busy}>
        {overrideLabel}
      </button>
    </div>
  );
}

/** Whether the form was submitted with the DuplicateNotice's override button. */
export function submittedWithOverride(event: { nativeEvent: Event }): boolean {
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  return submitter?.getAttribute('name') === 'allowDuplicate';
}
