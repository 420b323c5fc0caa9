import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import type { SavedViewFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { EMPTY_STATE, paramsOf, sameState, type ListState } from './list-state.ts';
import { ManageViewsDialog } from './ManageViewsDialog.tsx';
import { SavedViewsQuery, UpdateSavedViewMutation } from './opportunity-list-queries.ts';
import { applyPreset, dayIn, matchingPreset, PRESET_IDS, presetDefinitions } from './presets.ts';
import { SaveViewDialog } from './SaveViewDialog.tsx';
import { stateOfView, viewSettingsOf } from './saved-view-state.ts';

interface Props {
  state: ListState;
  /** The saved view the URL names, if any. */
  viewId: string | null;
  /** Show another state (and mark a saved view as the one shown, or none). */
  onShow(state: ListState, viewId: string | null): void;
}

const viewContext = { additionalTypenames: ['SavedView'] };

/**
 * The presets and the user's saved views as links (each opens its state in the URL, so it can be
 * bookmarked or sent), and saving, updating and managing views.
 */
export function SavedViews({ state, viewId, onShow }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [{ data }] = useQuery({ query: SavedViewsQuery, variables: { list: 'OPPORTUNITIES' }, context: viewContext });
  const [{ fetching: updating }, updateView] = useMutation(UpdateSavedViewMutation);
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const views = data?.savedViews ?? [];
  const presets = useMemo(() => presetDefinitions(dayIn(formats.timeZone)), [formats.timeZone]);

  const activeView = views.find((view) => view.id === viewId) ?? null;
  const modified = activeView !== null && !sameState(state, stateOfView(activeView));
  const activePreset = activeView ? null : matchingPreset(state, presets);
  const showsAll = !activeView && !activePreset && sameState({ ...state, columns: null }, EMPTY_STATE);

  async function updateActive(view: SavedViewFieldsFragment) {
    const result = await updateView({ id: view.id, input: viewSettingsOf(state) }, viewContext);
    const outcome = result.data?.updateSavedView;
    setNotice(
      outcome?.__typename === 'UpdateSavedViewSuccess'
        ? { text: t('opportunities.views.updated', { name: view.name }) }
        : { text: serverErrors.failure(outcome, result.error, t('opportunities.views.saveFailed')), error: true },
    );
  }

  return (
    <>
      <nav className="list-views" aria-label={t('opportunities.preset.label')}>
        <Link className="chip" to={pipelinePaths.opportunities(paramsOf({ ...EMPTY_STATE, columns: state.columns }))} aria-current={showsAll || undefined}>
          {t('opportunities.views.all')}
        </Link>
        {PRESET_IDS.map((id) => (
          <Link key={id} className="chip" to={pipelinePaths.opportunities(paramsOf(applyPreset(state, presets[id])))} aria-current={activePreset === id || undefined}>
            {t(`opportunities.preset.${id}`)}
          </Link>
        ))}
        {views.map((view) => (
          <Link
            key={view.id}
            className="chip"
            data-testid="saved-view"
            to={pipelinePaths.opportunities(paramsOf(stateOfView(view), { view: view.id }))}
            aria-current={view.id === activeView?.id || undefined}
          >
            {view.name}
            {view.id === activeView?.id && modified && <span className="chip__modified">({t('opportunities.views.modified')})</span>}
          </Link>
        ))}
      </nav>
      <div className="list-views">
        {activeView && modified && (
          <button type="button" className="button button--secondary button--small" onClick={() => updateActive(activeView)} disabled={updating}>
            {t('opportunities.views.update', { name: activeView.name })}
          </button>
        )}
        <button type="button" className="button button--secondary button--small" onClick={() => setDialog('save')}>
          {activeView ? t('opportunities.views.saveAs') : t('opportunities.views.save')}
        </button>
        {views.length > 0 && (
          <button type="button" className="button button--ghost button--small" onClick={() => setDialog('manage')}>
            {t('opportunities.views.manage')}
          </button>
        )}
        {notice && (
          <span className={notice.error ? 'field__error' : 'muted'} role={notice.error ? 'alert' : 'status'}>
            {notice.text}
          </span>
        )}
      </div>
      {dialog === 'save' && (
        <SaveViewDialog
          state={state}
          onClose={() => setDialog(null)}
          onSaved={(view) => {
            setDialog(null);
            setNotice({ text: t('opportunities.views.saved', { name: view.name }) });
            onShow(stateOfView(view), view.id);
          }}
        />
      )}
      {dialog === 'manage' && (
        <ManageViewsDialog
          views={views}
          onClose={() => setDialog(null)}
          onDeleted={(id) => {
            if (id === viewId) onShow(state, null);
          }}
        />
      )}
    </>
  );
}
