import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import type { SavedViewFieldsFragment } from '../../gql/graphql.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { DeleteSavedViewMutation, ReorderSavedViewsMutation, UpdateSavedViewMutation } from './opportunity-list-queries.ts';

interface Props {
  views: readonly SavedViewFieldsFragment[];
  onDeleted(id: string): void;
  onClose(): void;
}

const changes = { additionalTypenames: ['SavedView'] };

/** Rename, reorder and delete the user's views of the list. */
export function ManageViewsDialog({ views, onDeleted, onClose }: Props) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [renaming, setRenaming] = useState<{ id: string; name: string; error?: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching: updating }, updateView] = useMutation(UpdateSavedViewMutation);
  const [{ fetching: deleting }, deleteView] = useMutation(DeleteSavedViewMutation);
  const [{ fetching: reordering }, reorderViews] = useMutation(ReorderSavedViewsMutation);
  const busy = updating || deleting || reordering;

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!renaming) return;
    const result = await updateView({ id: renaming.id, input: { name: renaming.name } }, changes);
    const outcome = result.data?.updateSavedView;
    if (outcome?.__typename === 'UpdateSavedViewSuccess') setRenaming(null);
    else if (outcome?.__typename === 'ValidationError') setRenaming({ ...renaming, error: serverErrors.place(outcome.fieldErrors, ['name']).byField.name ?? serverErrors.failure(outcome, undefined, t('opportunities.views.changeFailed')) });
    else setFailure(serverErrors.failure(null, result.error, t('opportunities.views.changeFailed')));
  }

  async function move(index: number, by: -1 | 1) {
    const ids = views.map((view) => view.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    const result = await reorderViews({ list: 'OPPORTUNITIES', ids }, changes);
    const outcome = result.data?.reorderSavedViews;
    setFailure(outcome?.__typename === 'ReorderSavedViewsSuccess' ? null : serverErrors.failure(outcome, result.error, t('opportunities.views.changeFailed')));
  }

  async function remove(id: string) {
    const result = await deleteView({ id }, changes);
    const outcome = result.data?.deleteSavedView;
    if (outcome?.__typename === 'DeleteSavedViewSuccess') {
      setFailure(null);
      onDeleted(id);
    } else setFailure(serverErrors.failure(outcome, result.error, t('opportunities.views.changeFailed')));
  }

  return (
    <Dialog title={t('opportunities.views.manageTitle')} onClose={onClose}>
      {failure && (
        <div className="banner banner--error" role="alert">
          {failure}
        </div>
      )}
      {views.length === 0 && <p className="muted">{t('opportunities.views.none')}</p>}
      <ol className="manage-views">
        {views.map((view, index) => (
          <li key={view.id} className="manage-views__item" data-testid="managed-view">
            {renaming?.id === view.id ? (
              <form className="manage-views__name" onSubmit={rename}>
                <input
                  className={`input${renaming.error ? ' input--invalid' : ''}`}
                  aria-label={t('opportunities.views.renameNamed', { name: view.name })}
                  aria-invalid={renaming.error ? true : undefined}
                  aria-describedby={renaming.error ? `rename-${index}-error` : undefined}
                  value={renaming.name}
                  maxLength={80}
                  autoFocus
                  onChange={(event) => setRenaming({ id: view.id, name: event.target.value })}
                />
                {renaming.error && (
                  <span className="field__error" id={`rename-${index}-error`}>
                    {renaming.error}
                  </span>
                )}
                <button type="submit" className="button button--primary button--small" disabled={busy}>
                  {t('common.saveChanges')}
                </button>
                <button type="button" className="button button--ghost button--small" onClick={() => setRenaming(null)}>
                  {t('common.cancel')}
                </button>
              </form>
            ) : (
              <>
                <span className="manage-views__name">{view.name}</span>
                <button type="button" className="button button--ghost button--small" onClick={() => setRenaming({ id: view.id, name: view.name })} aria-label={t('opportunities.views.renameNamed', { name: view.name })}>
                  {t('opportunities.views.rename')}
                </button>
                <button type="button" className="button button--ghost button--small" disabled={busy || index === 0} onClick={() => move(index, -1)} aria-label={t('opportunities.views.moveUp', { name: view.name })}>
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={busy || index === views.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('opportunities.views.moveDown', { name: view.name })}
                >
                  ↓
                </button>
                <ConfirmButton
                  label={t('opportunities.views.deleteNamed', { name: view.name })}
                  question={t('opportunities.views.deleteQuestion', { name: view.name })}
                  confirmLabel={t('opportunities.views.deleteConfirm')}
                  onConfirm={() => remove(view.id)}
                  busy={busy}
                />
              </>
            )}
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('opportunities.views.close')}
        </button>
      </div>
    </Dialog>
  );
}
