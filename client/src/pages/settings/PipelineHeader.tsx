import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import type { SettingsPipelineFieldsFragment } from '../../gql/graphql.ts';
import { Notice, type NoticeState } from './Notice.tsx';
import { SettingsDeletePipelineMutation, SettingsRenamePipelineMutation } from './pipeline-queries.ts';
import { useActionFailure, useFeedback } from './useFeedback.ts';

const FIELDS = ['name'] as const;
const PIPELINE_CHANGE = { additionalTypenames: ['Pipeline'] };

/** The chosen pipeline's name (renamed here) and its deletion, which only an empty pipeline allows. */
export function PipelineHeader({ pipeline, onDeleted }: { pipeline: SettingsPipelineFieldsFragment; onDeleted(name: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(pipeline.name);
  const { feedback, accept } = useFeedback(FIELDS);
  const actionFailure = useActionFailure();
  const [notice, setNotice] = useState<NoticeState>(null);
  const [{ fetching: renaming }, renamePipeline] = useMutation(SettingsRenamePipelineMutation);
  const [{ fetching: deleting }, deletePipeline] = useMutation(SettingsDeletePipelineMutation);

  async function handleRename(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const result = await renamePipeline({ id: pipeline.id, name });
    if (accept({ outcome: result.data?.renamePipeline, error: result.error }, t('pipelines.notSaved'))) setNotice({ text: t('common.saved') });
  }

  async function handleDelete() {
    const result = await deletePipeline({ id: pipeline.id }, PIPELINE_CHANGE);
    const failure = actionFailure({ outcome: result.data?.deletePipeline, error: result.error }, t('pipelines.notDeleted'), {
      NOT_EMPTY: t('pipelines.notEmpty', { count: pipeline.opportunityCount }),
    });
    if (failure) setNotice({ text: failure, error: true });
    else onDeleted(pipeline.name);
  }

  return (
    <div className="card">
      <div className="section-header">
        <h2>{pipeline.name}</h2>
        <span className={`status status--${pipeline.kind.toLowerCase()}`}>{t(`opportunity.kind.${pipeline.kind}`)}</span>
      </div>
      <p className="muted">
        {t('pipelines.summary', { stages: pipeline.stages.length, count: pipeline.opportunityCount })}
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <form className="settings-inline-form" onSubmit={handleRename} noValidate aria-label={t('pipelines.renameLabel')}>
        <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
        <TextField id="pipeline-name" label={t('pipelines.field.name')} required value={name} onChange={setName} error={feedback.errors.name} />
        <button type="submit" className="button button--secondary" disabled={renaming || name === pipeline.name}>
          {t('pipelines.rename')}
        </button>
      </form>
      <div>
        <ConfirmButton
          label={t('pipelines.delete')}
          question={t('pipelines.deleteQuestion', { name: pipeline.name })}
          confirmLabel={t('common.delete')}
          busy={deleting}
          onConfirm={handleDelete}
        />
      </div>
    </div>
  );
}
