import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import type { SettingsPipelineFieldsFragment } from '../../gql/graphql.ts';
import { Notice, type NoticeState } from './Notice.tsx';
import { SettingsAddStageMutation, SettingsReorderStagesMutation } from './pipeline-queries.ts';
import { SortableList } from './SortableList.tsx';
import { StageRow } from './StageRow.tsx';
import { useActionFailure, useFeedback } from './useFeedback.ts';
import { readPercentage } from './whole-numbers.ts';

const ADD_FIELDS = ['name', 'probability'] as const;

/**
 * A pipeline's stages in their order (dragged by the handle, or with the keyboard), each with its
 * name and default probability; a new stage goes to the end.
 */
export function StagesEditor({ pipeline }: { pipeline: SettingsPipelineFieldsFragment }) {
  const { t } = useTranslation();
  const actionFailure = useActionFailure();
  const [notice, setNotice] = useState<NoticeState>(null);
  const [, reorderStages] = useMutation(SettingsReorderStagesMutation);
  const [{ fetching: adding }, addStage] = useMutation(SettingsAddStageMutation);
  const { feedback, setFeedback, accept } = useFeedback(ADD_FIELDS);
  const [name, setName] = useState('');
  const [probability, setProbability] = useState('');

  async function handleReorder(stageIds: string[]) {
    const result = await reorderStages({ pipelineId: pipeline.id, stageIds });
    const failure = actionFailure({ outcome: result.data?.reorderStages, error: result.error }, t('pipelines.stages.notReordered'));
    setNotice(failure ? { text: failure, error: true } : null);
    return failure === null;
  }

  async function handleAdd(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const percentage = readPercentage(probability);
    if (percentage === undefined) {
      setFeedback({ errors: { probability: t('errors.wholePercentage') }, unplaced: [] });
      return;
    }
    const result = await addStage({ pipelineId: pipeline.id, name, probability: percentage });
    if (accept({ outcome: result.data?.addStage, error: result.error }, t('pipelines.stages.notAdded'))) {
      setNotice({ text: t('pipelines.stages.added', { name: name.trim() }) });
      setName('');
      setProbability('');
    }
  }

  return (
    <div className="card" data-testid="stages-editor">
      <div>
        <h3>{t('pipelines.stages.title')}</h3>
        <p className="muted">{t('pipelines.stages.intro')}</p>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <SortableList
        items={pipeline.stages}
        label={t('pipelines.stages.listLabel', { pipeline: pipeline.name })}
        nameOf={(stage) => stage.name}
        onReorder={handleReorder}
        testId="stage-list"
      >
        {(stage, handle) => <StageRow stage={stage} handle={handle} onNotice={setNotice} />}
      </SortableList>
      <form className="settings-inline-form" onSubmit={handleAdd} noValidate aria-label={t('pipelines.stages.addLabel')}>
        <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
        <TextField id="new-stage-name" label={t('pipelines.stages.field.name')} required value={name} onChange={setName} error={feedback.errors.name} />
        <TextField
          id="new-stage-probability"
          label={t('pipelines.stages.field.probability')}
          required
          inputMode="numeric"
          value={probability}
          onChange={setProbability}
          error={feedback.errors.probability}
        />
        <button type="submit" className="button button--secondary" disabled={adding}>
          {t('pipelines.stages.add')}
        </button>
      </form>
    </div>
  );
}
