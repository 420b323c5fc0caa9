import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../gql/graphql.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';

export interface PlanStepDraft {
  key: string;
  type: ActivityType;
  subject: string;
  dayOffset: string;
  durationMinutes: string;
}

const ACTIVITY_TYPES: readonly ActivityType[] = ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE'];

interface Props {
  step: PlanStepDraft;
  /** 1-based, for the labels: "Subject, step 2". */
  number: number;
  handle: ReactNode;
  errors: FieldErrors;
  /** Where this step's field errors are: `steps.1`. */
  errorPrefix: string;
  onChange(patch: Partial<PlanStepDraft>): void;
  onRemove(): void;
}

/** One standard task of an activity plan: type, subject, due after how many days, how long. */
export function PlanStepRow({ step, number, handle, errors, errorPrefix, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const id = (field: string) => `plan-${step.key}-${field}`;
  const control = (field: 'subject' | 'dayOffset' | 'durationMinutes', label: string, inputMode?: 'numeric') => {
    const error = errors[`${errorPrefix}.${field}`];
    return (
      <div className={`field settings-plan__${field}${error ? ' field--invalid' : ''}`}>
        <label htmlFor={id(field)} className="field__label">
          {label}
        </label>
        <input
          id={id(field)}
          className="input"
          inputMode={inputMode}
          value={step[field]}
          onChange={(event) => onChange({ [field]: event.target.value })}
          aria-label={`${label}, ${t('pipelines.plan.stepNumber', { number })}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id(field)}-error` : undefined}
        />
        {error && (
          <p className="field__error" id={`${id(field)}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  const typeError = errors[`${errorPrefix}.type`];

  return (
    <div className="settings-entry settings-entry--form settings-plan">
      {handle}
      <div className="settings-entry__fields">
        <div className={`field settings-plan__type${typeError ? ' field--invalid' : ''}`}>
          <label htmlFor={id('type')} className="field__label">
            {t('pipelines.plan.field.type')}
          </label>
          <select
            id={id('type')}
            className="input"
            value={step.type}
            onChange={(event) => onChange({ type: event.target.value as ActivityType })}
            aria-label={`${t('pipelines.plan.field.type')}, ${t('pipelines.plan.stepNumber', { number })}`}
          >
            {ACTIVITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`activities.type.${type}`)}
              </option>
            ))}
          </select>
          {typeError && <p className="field__error">{typeError}</p>}
        </div>
        {control('subject', t('pipelines.plan.field.subject'))}
        {control('dayOffset', t('pipelines.plan.field.dayOffset'), 'numeric')}
        {control('durationMinutes', t('pipelines.plan.field.durationMinutes'), 'numeric')}
      </div>
      <button type="button" className="button button--ghost button--small" onClick={onRemove} aria-label={t('pipelines.plan.removeStep', { number })}>
        {t('pipelines.plan.remove')}
      </button>
    </div>
  );
}
