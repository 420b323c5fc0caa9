import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { TextField } from '../../components/fields.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import type { SavedViewFieldsFragment } from '../../gql/graphql.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import type { ListState } from './list-state.ts';
import { CreateSavedViewMutation } from './opportunity-list-queries.ts';
import { viewSettingsOf } from './saved-view-state.ts';

interface Props {
  state: ListState;
  onSaved(view: SavedViewFieldsFragment): void;
  onClose(): void;
}

/** Saves what the list shows under a name of the user's. */
export function SaveViewDialog({ state, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [failure, setFailure] = useState<{ message?: string; details: string[] }>({ details: [] });
  const [{ fetching }, createView] = useMutation(CreateSavedViewMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await createView({ input: { list: 'OPPORTUNITIES', name, ...viewSettingsOf(state) } }, { additionalTypenames: ['SavedView'] });
    const outcome = result.data?.createSavedView;
    if (outcome?.__typename === 'CreateSavedViewSuccess') {
      onSaved(outcome.savedView);
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, ['name']);
      setNameError(byField.name);
      setFailure({ message: t('opportunities.views.saveFailed'), details: unplaced });
      return;
    }
    setFailure({ message: serverErrors.failure(null, result.error, t('opportunities.views.saveFailed')), details: [] });
  }

  return (
    <Dialog title={t('opportunities.views.saveTitle')} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} aria-label={t('opportunities.views.saveTitle')}>
        <FormErrorSummary message={failure.message} details={failure.details} />
        <p className="muted">{t('opportunities.views.saveHint')}</p>
        <TextField id="saved-view-name" label={t('opportunities.views.name')} value={name} onChange={setName} error={nameError} required maxLength={80} autoFocus />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {t('opportunities.views.save')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
