import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import type { OpportunityKind } from '../../gql/graphql.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { SettingsCreatePipelineMutation } from './pipeline-queries.ts';
import { useFeedback } from './useFeedback.ts';
import { readPercentage } from './whole-numbers.ts';

interface StageDraft {
  name: string;
  probability: string;
}

const KINDS: readonly OpportunityKind[] = ['LEAD', 'DEAL'];

interface Props {
  onClose(): void;
  onCreated(pipeline: { id: string; name: string }): void;
}

/** A new pipeline with its first stages (at least one); more are added and ordered afterwards. */
export function NewPipelineDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OpportunityKind>('LEAD');
  const [stages, setStages] = useState<StageDraft[]>([{ name: '', probability: '10' }]);
  const fields = useMemo(
    () => ['name', 'kind', 'stages', ...stages.flatMap((_stage, index) => [`stages.${index}.name`, `stages.${index}.probability`])],
    [stages],
  );
  const { feedback, setFeedback, accept } = useFeedback(fields);
  const [{ fetching }, createPipeline] = useMutation(SettingsCreatePipelineMutation);

  const change = (index: number, patch: Partial<StageDraft>) => setStages(stages.map((stage, at) => (at === index ? { ...stage, ...patch } : stage)));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors = {};
    const input = stages.map((stage, index) => {
      const probability = readPercentage(stage.probability);
      if (probability === undefined) errors[`stages.${index}.probability`] = t('errors.wholePercentage');
      return { name: stage.name, probability: probability ?? 0 };
    });
    if (Object.keys(errors).length > 0) {
      setFeedback({ errors, unplaced: [], message: t('errors.correctFields') });
      return;
    }
    const result = await createPipeline({ input: { name, kind, stages: input } });
    const outcome = result.data?.createPipeline;
    if (accept({ outcome, error: result.error }, t('pipelines.notSaved')) && outcome?.__typename === 'CreatePipelineSuccess') onCreated(outcome.pipeline);
  }

  return (
    <Dialog title={t('pipelines.new')} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={t('pipelines.new')}>
        <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
        <TextField id="new-pipeline-name" label={t('pipelines.field.name')} required value={name} onChange={setName} error={feedback.errors.name} autoFocus />
        <SelectField
          id="new-pipeline-kind"
          label={t('pipelines.field.kind')}
          value={kind}
          onChange={(value) => setKind(value as OpportunityKind)}
          options={KINDS.map((value) => ({ value, label: t(`opportunity.kind.${value}`) }))}
          hint={t('pipelines.kindHint')}
          error={feedback.errors.kind}
        />
        <fieldset className="form-section">
          <legend>{t('pipelines.stages.title')}</legend>
          {feedback.errors.stages && <p className="field__error">{feedback.errors.stages}</p>}
          {stages.map((stage, index) => (
            <div className="settings-inline-form" key={index}>
              <TextField
                id={`new-pipeline-stage-${index}-name`}
                label={t('pipelines.stages.nameNumber', { number: index + 1 })}
                required
                value={stage.name}
                onChange={(value) => change(index, { name: value })}
                error={feedback.errors[`stages.${index}.name`]}
              />
              <TextField
                id={`new-pipeline-stage-${index}-probability`}
                label={t('pipelines.stages.probabilityNumber', { number: index + 1 })}
                required
                inputMode="numeric"
                value={stage.probability}
                onChange={(value) => change(index, { probability: value })}
                error={feedback.errors[`stages.${index}.probability`]}
              />
              {stages.length > 1 && (
                <button type="button" className="button button--ghost button--small" onClick={() => setStages(stages.filter((_stage, at) => at !== index))}>
                  {t('pipelines.stages.removeNumber', { number: index + 1 })}
                </button>
              )}
            </div>
          ))}
          <div>
            <button type="button" className="button button--secondary button--small" onClick={() => setStages([...stages, { name: '', probability: '' }])}>
              {t('pipelines.stages.addRow')}
            </button>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {fetching ? t('common.saving') : t('pipelines.create')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
