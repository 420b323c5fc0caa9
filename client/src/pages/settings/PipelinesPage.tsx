import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { ActivityPlanEditor } from './ActivityPlanEditor.tsx';
import { NewPipelineDialog } from './NewPipelineDialog.tsx';
import { Notice, type NoticeState } from './Notice.tsx';
import { PipelineHeader } from './PipelineHeader.tsx';
import { SettingsPipelinesQuery, SettingsReorderPipelinesMutation } from './pipeline-queries.ts';
import { settingsPath } from './settings-pages.ts';
import { SortableList } from './SortableList.tsx';
import { StagesEditor } from './StagesEditor.tsx';
import { useActionFailure } from './useFeedback.ts';

// A first pipeline must appear although the cached answer named none.
const PIPELINE_CHANGE = { additionalTypenames: ['Pipeline'] };

const pipelinePath = (id: string) => `${settingsPath('pipelines')}/${encodeURIComponent(id)}`;

/**
 * `/settings/pipelines(/:pipelineId)`: the pipelines in their order (the first of a kind is the
 * default), and the chosen one's name, stages with their default probabilities, and activity plan.
 */
export function PipelinesPage() {
  const { t } = useTranslation();
  const { pipelineId } = useParams();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: SettingsPipelinesQuery, requestPolicy: 'cache-and-network', context: PIPELINE_CHANGE });
  const [, reorderPipelines] = useMutation(SettingsReorderPipelinesMutation);
  const actionFailure = useActionFailure();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('pipelines.title')} />;

  const pipelines = data.pipelines;
  const selected = pipelines.find((pipeline) => pipeline.id === pipelineId) ?? pipelines[0];

  async function handleReorder(ids: string[]) {
    const result = await reorderPipelines({ ids });
    const failure = actionFailure({ outcome: result.data?.reorderPipelines, error: result.error }, t('pipelines.notReordered'));
    setNotice(failure ? { text: failure, error: true } : null);
    return failure === null;
  }

  return (
    <section aria-labelledby="pipelines-title">
      <div className="page-header">
        <div>
          <h1 id="pipelines-title">{t('pipelines.title')}</h1>
          <p className="muted">{t('pipelines.intro')}</p>
        </div>
        <div className="page-header__actions">
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('pipelines.new')}
          </button>
        </div>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {pipelines.length === 0 ? (
        <p className="empty">{t('pipelines.none')}</p>
      ) : (
        <div className="settings-split">
          <div className="card settings-split__list">
            <h2>{t('pipelines.listTitle')}</h2>
            <SortableList items={pipelines} label={t('pipelines.listTitle')} nameOf={(pipeline) => pipeline.name} onReorder={handleReorder} testId="pipeline-list">
              {(pipeline, handle) => (
                <div className={`settings-entry${pipeline.id === selected?.id ? ' settings-entry--current' : ''}`}>
                  {handle}
                  <Link to={pipelinePath(pipeline.id)} className="settings-entry__name" aria-current={pipeline.id === selected?.id ? 'page' : undefined}>
                    {pipeline.name}
                  </Link>
                  <span className={`status status--${pipeline.kind.toLowerCase()}`}>{t(`opportunity.kind.${pipeline.kind}`)}</span>
                </div>
              )}
            </SortableList>
          </div>
          {selected && (
            <div className="settings-split__detail">
              <PipelineHeader key={selected.id} pipeline={selected} onDeleted={(name) => {
                setNotice({ text: t('pipelines.deleted', { name }) });
                navigate(settingsPath('pipelines'), { replace: true });
              }} />
              <StagesEditor key={`stages-${selected.id}`} pipeline={selected} />
              <ActivityPlanEditor key={`plan-${selected.id}`} pipeline={selected} />
            </div>
          )}
        </div>
      )}
      {creating && (
        <NewPipelineDialog
          onClose={() => setCreating(false)}
          onCreated={(pipeline) => {
            setCreating(false);
            setNotice({ text: t('pipelines.created', { name: pipeline.name }) });
            navigate(pipelinePath(pipeline.id));
          }}
        />
      )}
    </section>
  );
}
