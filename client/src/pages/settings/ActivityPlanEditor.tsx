import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import type { SettingsPipelineFieldsFragment } from '../../gql/graphql.ts';
import { wholeNumberOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import { Notice, type NoticeState } from './Notice.tsx';
import { PlanStepRow, type PlanStepDraft } from './PlanStepRow.tsx';
import { SettingsSetActivityPlanMutation } from './pipeline-queries.ts';
import { SortableList } from './SortableList.tsx';
import { useFeedback } from './useFeedback.ts';

type Step = SettingsPipelineFieldsFragment['activityPlan'][number];

const STEP_FIELDS = ['type', 'subject', 'dayOffset', 'durationMinutes'] as const;

/**
 * The pipeline's activity plan: standard tasks, each due some days after the day the plan is
 * applied to an opportunity, in their order. Edited here and saved as a whole.
 */
export function ActivityPlanEditor({ pipeline }: { pipeline: SettingsPipelineFieldsFragment }) {
  const { t } = useTranslation();
  const nextKey = useRef(0);
  const newKey = () => `step-${(nextKey.current += 1)}`;
  const draftOf = (step: Step): PlanStepDraft => ({
    key: newKey(),
    type: step.type,
    subject: step.subject,
    dayOffset: String(step.dayOffset),
    durationMinutes: step.durationMinutes === null || step.durationMinutes === undefined ? '' : String(step.durationMinutes),
  });
  const [rows, setRows] = useState<PlanStepDraft[]>(() => pipeline.activityPlan.map(draftOf));
  const fields = useMemo(() => ['steps', ...rows.flatMap((_row, index) => STEP_FIELDS.map((field) => `steps.${index}.${field}`))], [rows]);
  const { feedback, setFeedback, accept } = useFeedback(fields);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [{ fetching: saving }, setActivityPlan] = useMutation(SettingsSetActivityPlanMutation);

  const update = (key: string, patch: Partial<PlanStepDraft>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const errors: FieldErrors = {};
    const steps = rows.map((row, index) => {
      const dayOffset = wholeNumberOrNull(row.dayOffset);
      const durationMinutes = wholeNumberOrNull(row.durationMinutes);
      if (dayOffset === null || dayOffset === undefined) errors[`steps.${index}.dayOffset`] = t('errors.wholeNumber');
      if (durationMinutes === undefined) errors[`steps.${index}.durationMinutes`] = t('errors.wholeNumber');
      return { type: row.type, subject: row.subject, dayOffset: dayOffset ?? 0, durationMinutes: durationMinutes ?? null };
    });
    if (Object.keys(errors).length > 0) {
      setFeedback({ errors, unplaced: [], message: t('errors.correctLines') });
      return;
    }
    const result = await setActivityPlan({ pipelineId: pipeline.id, steps });
    if (accept({ outcome: result.data?.setActivityPlan, error: result.error }, t('pipelines.plan.notSaved'))) {
      setNotice({ text: t('pipelines.plan.saved', { count: steps.length }) });
    }
  }

  // A new step starts on the day of the one before it.
  const addStep = () => setRows([...rows, { key: newKey(), type: 'TASK', subject: '', dayOffset: rows[rows.length - 1]?.dayOffset ?? '0', durationMinutes: '' }]);

  return (
    <form className="card" onSubmit={handleSave} noValidate aria-label={t('pipelines.plan.title')} data-testid="activity-plan">
      <div>
        <h3>{t('pipelines.plan.title')}</h3>
        <p className="muted">{t('pipelines.plan.intro')}</p>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
      {rows.length === 0 ? (
        <p className="muted">{t('pipelines.plan.none')}</p>
      ) : (
        <SortableList
          items={rows.map((row) => ({ ...row, id: row.key }))}
          label={t('pipelines.plan.listLabel', { pipeline: pipeline.name })}
          nameOf={(row) => row.subject || t('pipelines.plan.stepNumber', { number: rows.findIndex((other) => other.key === row.key) + 1 })}
          onReorder={async (keys) => {
            setRows(keys.map((key) => rows.find((row) => row.key === key)!));
            return true;
          }}
          testId="plan-steps"
        >
          {(row, handle) => {
            const index = rows.findIndex((other) => other.key === row.key);
            return (
              <PlanStepRow
                step={row}
                number={index + 1}
                handle={handle}
                errors={feedback.errors}
                errorPrefix={`steps.${index}`}
                onChange={(patch) => update(row.key, patch)}
                onRemove={() => setRows(rows.filter((other) => other.key !== row.key))}
              />
            );
          }}
        </SortableList>
      )}
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={addStep}>
          {t('pipelines.plan.addStep')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common.saving') : t('pipelines.plan.save')}
        </button>
      </div>
    </form>
  );
}
