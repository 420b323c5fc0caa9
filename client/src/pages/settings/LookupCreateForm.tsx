import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { ColorField } from './ColorField.tsx';
import type { LookupActions, LookupFieldNames } from './lookup-types.ts';
import { useFeedback } from './useFeedback.ts';

const DEFAULT_COLOR = '#64748b';

interface Props {
  idPrefix: string;
  labelCaption: string;
  fields: LookupFieldNames;
  create: LookupActions['create'];
  onCreated(label: string): void;
}

/** Adds an entry at the end of a lookup list; keyed lists ask for the key too. */
export function LookupCreateForm({ idPrefix, labelCaption, fields, create, onCreated }: Props) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [color, setColor] = useState(DEFAULT_COLOR);
  const [busy, setBusy] = useState(false);
  const names = useMemo(() => [fields.label, ...(fields.key ? [fields.key] : []), ...(fields.color ? [fields.color] : [])], [fields]);
  const { feedback, accept } = useFeedback(names);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await create({ label, ...(fields.key ? { key } : {}), ...(fields.color ? { color } : {}) });
    setBusy(false);
    if (accept(answer, t('lookups.notAdded'))) {
      onCreated(label.trim());
      setLabel('');
      setKey('');
    }
  }

  return (
    <form className="settings-inline-form settings-create" onSubmit={handleSubmit} noValidate aria-label={t('lookups.addLabel')}>
      <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
      {fields.key && (
        <TextField
          id={`${idPrefix}-new-key`}
          label={t('lookups.field.key')}
          required
          hint={t('lookups.keyHint')}
          value={key}
          onChange={(value) => setKey(value.toUpperCase())}
          error={feedback.errors[fields.key]}
        />
      )}
      <TextField id={`${idPrefix}-new-label`} label={labelCaption} required value={label} onChange={setLabel} error={feedback.errors[fields.label]} />
      {fields.color && <ColorField id={`${idPrefix}-new-color`} label={t('lookups.field.color')} value={color} onChange={setColor} error={feedback.errors[fields.color]} />}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('lookups.add')}
      </button>
    </form>
  );
}
