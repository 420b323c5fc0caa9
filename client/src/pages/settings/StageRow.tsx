import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import type { SettingsPipelineFieldsFragment } from '../../gql/graphql.ts';
import type { NoticeState } from './Notice.tsx';
import { SettingsDeleteStageMutation, SettingsUpdateStageMutation } from './pipeline-queries.ts';
import { useActionFailure, useFeedback } from './useFeedback.ts';
import { readPercentage } from './whole-numbers.ts';

type Stage = SettingsPipelineFieldsFragment['stages'][number];

const FIELDS = ['name', 'probability'] as const;
const STAGE_CHANGE = { additionalTypenames: ['Stage', 'Pipeline'] };

interface Props {
  stage: Stage;
  handle: ReactNode;
  onNotice(notice: NoticeState): void;
}

/** One stage: its name and default probability, saved together; deleted only while empty and not the last. */
export function StageRow({ stage, handle, onNotice }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(String(stage.probability));
  const { feedback, setFeedback, accept } = useFeedback(FIELDS);
  const actionFailure = useActionFailure();
  const [{ fetching: saving }, updateStage] = useMutation(SettingsUpdateStageMutation);
  const [{ fetching: deleting }, deleteStage] = useMutation(SettingsDeleteStageMutation);
  const changed = name !== stage.name || probability !== String(stage.probability);
  const ids = { name: `stage-${stage.id}-name`, probability: `stage-${stage.id}-probability` };

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    const percentage = readPercentage(probability);
    if (percentage === undefined) {
      setFeedback({ errors: { probability: t('errors.wholePercentage') }, unplaced: [] });
      return;
    }
    const result = await updateStage({ id: stage.id, name, probability: percentage });
    if (accept({ outcome: result.data?.updateStage, error: result.error }, t('pipelines.stages.notSaved'))) {
      setProbability(String(percentage));
      onNotice({ text: t('pipelines.stages.saved', { name: name.trim() }) });
    }
  }

  async function handleDelete() {
    const result = await deleteStage({ id: stage.id }, STAGE_CHANGE);
    const failure = actionFailure({ outcome: result.data?.deleteStage, error: result.error }, t('pipelines.stages.notDeleted'), {
      NOT_EMPTY: t('pipelines.stages.notEmpty', { name: stage.name, count: stage.opportunityCount }),
      LAST_STAGE: t('pipelines.stages.lastStage'),
    });
    onNotice(failure ? { text: failure, error: true } : { text: t('pipelines.stages.deleted', { name: stage.name }) });
  }

  const invalid = (field: keyof typeof ids) => feedback.errors[field];
  return (
    <form className="settings-entry settings-entry--form" onSubmit={handleSave} noValidate aria-label={t('pipelines.stages.rowLabel', { name: stage.name })}>
      {handle}
      <div className="settings-entry__fields">
        <div className={`field${invalid('name') ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.name} className="visually-hidden">
            {t('pipelines.stages.nameOf', { name: stage.name })}
          </label>
          <input
            id={ids.name}
            className="input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={invalid('name') ? true : undefined}
            aria-describedby={invalid('name') ? `${ids.name}-error` : undefined}
          />
          {invalid('name') && (
            <p className="field__error" id={`${ids.name}-error`}>
              {invalid('name')}
            </p>
          )}
        </div>
        <div className={`field settings-entry__percent${invalid('probability') ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.probability} className="visually-hidden">
            {t('pipelines.stages.probabilityOf', { name: stage.name })}
          </label>
          <span className="settings-percent">
            <input
              id={ids.probability}
              className="input"
              inputMode="numeric"
              value={probability}
              onChange={(event) => setProbability(event.target.value)}
              aria-invalid={invalid('probability') ? true : undefined}
              aria-describedby={invalid('probability') ? `${ids.probability}-error` : undefined}
            />
            <span aria-hidden="true">%</span>
          </span>
          {invalid('probability') && (
            <p className="field__error" id={`${ids.probability}-error`}>
              {invalid('probability')}
            </p>
          )}
        </div>
        <span className="muted settings-entry__meta">{t('pipelines.stages.opportunities', { count: stage.opportunityCount })}</span>
      </div>
      {(feedback.message || feedback.unplaced.length > 0) && !invalid('name') && !invalid('probability') && (
        <p className="field__error settings-entry__error" role="alert">
          {feedback.unplaced[0] ?? feedback.message}
        </p>
      )}
      <div className="settings-actions">
        <button type="submit" className="button button--secondary button--small" disabled={saving || !changed}>
          {t('common.saveChanges')}
        </button>
        <ConfirmButton
          small
          label={t('common.delete')}
          question={t('pipelines.stages.deleteQuestion', { name: stage.name })}
          confirmLabel={t('common.delete')}
          busy={deleting}
          onConfirm={handleDelete}
        />
      </div>
    </form>
  );
}
