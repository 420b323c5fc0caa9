import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ColorField } from './ColorField.tsx';
import type { LookupActions, LookupEntry, LookupFieldNames } from './lookup-types.ts';
import type { NoticeState } from './Notice.tsx';
import { useActionFailure, useFeedback } from './useFeedback.ts';

interface Props {
  entry: LookupEntry;
  handle: ReactNode;
  labelCaption: string;
  fields: LookupFieldNames;
  actions: LookupActions;
  refusals: Partial<Record<string, string>>;
  onNotice(notice: NoticeState): void;
}

/** One entry of a lookup list: shown, or being renamed in place. */
export function LookupRow({ entry, handle, labelCaption, fields, actions, refusals, onNotice }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(entry.label);
  const [color, setColor] = useState(entry.color ?? '');
  const [busy, setBusy] = useState(false);
  const names = useMemo(() => [fields.label, ...(fields.color ? [fields.color] : [])], [fields]);
  const { feedback, accept, reset } = useFeedback(names);
  const actionFailure = useActionFailure();
  const inputId = `lookup-${entry.id}-label`;
  const labelError = feedback.errors[fields.label];

  async function run(action: () => Promise<boolean>) {
    setBusy(true);
    try {
      return await action();
    } finally {
      setBusy(false);
    }
  }

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    const saved = await run(async () => accept(await actions.change(entry, { label, ...(fields.color ? { color } : {}) }), t('lookups.notSaved')));
    if (saved) {
      setEditing(false);
      onNotice({ text: t('lookups.saved', { name: label.trim() }) });
    }
  }

  async function handleSetActive(active: boolean) {
    if (!actions.setActive) return;
    const failure = actionFailure(await actions.setActive(entry, active), t('lookups.notSaved'));
    onNotice(failure ? { text: failure, error: true } : { text: active ? t('lookups.activated', { name: entry.label }) : t('lookups.deactivated', { name: entry.label }) });
  }

  async function handleDelete() {
    const failure = actionFailure(await actions.remove(entry), t('lookups.notDeleted'), refusals);
    onNotice(failure ? { text: failure, error: true } : { text: t('lookups.deleted', { name: entry.label }) });
  }

  if (editing) {
    return (
      <form className="settings-entry settings-entry--form" onSubmit={handleSave} noValidate aria-label={t('lookups.editLabel', { name: entry.label })}>
        {handle}
        <div className="settings-entry__fields">
          <div className={`field${labelError ? ' field--invalid' : ''}`}>
            <label htmlFor={inputId} className="field__label">
              {labelCaption}
            </label>
            <input
              id={inputId}
              className="input"
              value={label}
              autoFocus
              onChange={(event) => setLabel(event.target.value)}
              aria-invalid={labelError ? true : undefined}
              aria-describedby={labelError ? `${inputId}-error` : undefined}
            />
            {labelError && (
              <p className="field__error" id={`${inputId}-error`}>
                {labelError}
              </p>
            )}
          </div>
          {fields.color && <ColorField id={`lookup-${entry.id}-color`} label={t('lookups.field.color')} value={color} onChange={setColor} error={feedback.errors[fields.color]} />}
        </div>
        {feedback.unplaced.length > 0 && (
          <p className="field__error settings-entry__error" role="alert">
            {feedback.unplaced[0]}
          </p>
        )}
        {!labelError && feedback.unplaced.length === 0 && feedback.message && (
          <p className="field__error settings-entry__error" role="alert">
            {feedback.message}
          </p>
        )}
        <div className="settings-actions">
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            {t('common.saveChanges')}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => {
              setEditing(false);
              setLabel(entry.label);
              setColor(entry.color ?? '');
              reset();
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className={`settings-entry${entry.active === false ? ' settings-row--inactive' : ''}`}>
      {handle}
      <div className="settings-entry__label">
        <span className="settings-entry__name">
          {entry.color && <span className="tag__dot" style={{ background: entry.color }} aria-hidden="true" />}
          {entry.label}
        </span>
        {entry.key && <code className="settings-entry__key">{entry.key}</code>}
        {entry.builtIn && <span className="status">{t('lookups.builtIn')}</span>}
        {entry.active === false && <span className="status status--inactive">{t('lookups.inactive')}</span>}
      </div>
      <div className="settings-actions">
        <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)} aria-label={t('lookups.editLabel', { name: entry.label })}>
          {t('common.edit')}
        </button>
        {actions.setActive && entry.active !== undefined && (
          <button type="button" className="button button--ghost button--small" onClick={() => handleSetActive(!entry.active)}>
            {entry.active ? t('lookups.deactivate') : t('lookups.activate')}
          </button>
        )}
        {!entry.builtIn && (
          <ConfirmButton small label={t('common.delete')} question={t('lookups.deleteQuestion', { name: entry.label })} confirmLabel={t('common.delete')} onConfirm={handleDelete} />
        )}
      </div>
    </div>
  );
}
