import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { AccountPicker } from '../../components/opportunity/AccountPicker.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TagPicker, TextAreaField, TextField, type SelectOption } from '../../components/fields.tsx';
import type { OpportunityDetailFieldsFragment, OpportunityFormOptionsQuery } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { DETAIL_FIELDS, detailValuesOf, joinIds, splitIds, updateInputOf } from './detail-values.ts';
import { OpportunityContactOptionsQuery, UpdateOpportunityMutation } from './opportunity-queries.ts';
import { useRebasingForm } from './useRebasingForm.ts';

interface Props {
  opportunity: OpportunityDetailFieldsFragment;
  options: OpportunityFormOptionsQuery;
  /** Won, lost or not the viewer's to change: every field is shown but none can be changed. */
  locked: boolean;
  /** The server state after a conflict: the page reloads it. */
  onConflict(): void;
  /** Told whether the form holds unsaved changes. */
  onDirtyChange(dirty: boolean): void;
}

interface Feedback {
  errors: FieldErrors;
  message?: string;
  unplaced: string[];
  saved?: boolean;
}

const noFeedback: Feedback = { errors: {}, unplaced: [] };

/** Every business field of the opportunity, saved together with the version it was read at. */
export function OpportunityDetailsForm({ opportunity, options, locked, onConflict, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const form = useRebasingForm(detailValuesOf(opportunity, formats), opportunity.version);
  const { values, set } = form;
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);
  const [{ fetching: saving }, updateOpportunity] = useMutation(UpdateOpportunityMutation);
  const [{ data: contactsData }] = useQuery({
    query: OpportunityContactOptionsQuery,
    variables: { accountId: values.accountId },
    pause: !values.accountId,
  });

  // Take the user to the first field the server rejected.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [feedback.errors]);

  const hasLines = opportunity.lines.length > 0;
  const pipelines = options.pipelines.filter((pipeline) => pipeline.kind === opportunity.kind || pipeline.id === values.pipelineId);
  const stages = options.pipelines.find((pipeline) => pipeline.id === values.pipelineId)?.stages ?? [];

  function changeStage(stageId: string, pipelineId = values.pipelineId) {
    const stage = options.pipelines.find((pipeline) => pipeline.id === pipelineId)?.stages.find((candidate) => candidate.id === stageId);
    // A move sets the stage's default probability, unless the user typed one.
    const probabilityTouched = values.probability !== form.base.probability;
    set({ pipelineId, stageId, ...(stage && !probabilityTouched ? { probability: String(stage.probability) } : {}) });
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const prepared = updateInputOf(values, form.changed, { t, formats });
    if (prepared.errors) {
      setFeedback({ errors: prepared.errors, unplaced: [], message: t('errors.correctFields') });
      return;
    }
    const result = await updateOpportunity({ id: opportunity.id, input: prepared.input, version: form.version });
    const outcome = result.data?.updateOpportunity;
    switch (outcome?.__typename) {
      case 'UpdateOpportunitySuccess':
        form.reset(detailValuesOf(outcome.opportunity, formats), outcome.opportunity.version);
        setFeedback({ ...noFeedback, saved: true });
        return;
      case 'ValidationError': {
        const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, DETAIL_FIELDS);
        setFeedback({ errors: byField, unplaced, message: t('errors.correctFields') });
        return;
      }
      case 'ConflictError':
        if (outcome.current) form.reset(detailValuesOf(outcome.current, formats), outcome.current.version);
        setFeedback({ ...noFeedback, message: t('errors.conflict') });
        onConflict();
        return;
      default:
        setFeedback({ ...noFeedback, message: serverErrors.failure(outcome, result.error, t('opportunity.saveFailed')) });
    }
  }

  const errors = feedback.errors;
  const select = (list: readonly SelectOption[], blank?: string): SelectOption[] => (blank === undefined ? [...list] : [{ value: '', label: blank }, ...list]);
  const contactOptions = contactsData?.contacts.edges.map(({ node }) => ({ value: node.id, label: node.fullName })) ?? [];
  if (opportunity.contact && values.contactId === opportunity.contact.id && !contactOptions.some((option) => option.value === opportunity.contact!.id)) {
    contactOptions.unshift({ value: opportunity.contact.id, label: opportunity.contact.fullName });
  }
  const dirty = form.changed.length > 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  return (
    <form ref={formRef} className="form opportunity-form" onSubmit={handleSubmit} noValidate aria-label={t('opportunity.details.label')}>
      <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
      {feedback.saved && !dirty && (
        <p className="banner banner--success" role="status">
          {t('common.saved')}
        </p>
      )}
      <fieldset className="opportunity-form__fields" disabled={locked}>
        <legend className="visually-hidden">{t('opportunity.details.businessData')}</legend>
        <fieldset className="form-section">
          <legend>{t('opportunity.details.opportunity')}</legend>
          <div className="form-grid">
            <TextField id="opportunity-title" label={t('opportunity.field.title')} required className="field--wide" value={values.title} onChange={(title) => set({ title })} error={errors.title} />
            <AccountPicker
              id="opportunity-account"
              label={t('opportunity.field.account')}
              required
              disabled={locked}
              value={values.accountId ? { id: values.accountId, name: values.accountName || t('common.restrictedAccount') } : null}
              onChange={(account) => set({ accountId: account?.id ?? '', accountName: account?.name ?? '', contactId: '' })}
              error={errors.accountId}
            />
            <SelectField id="opportunity-contact" label={t('opportunity.field.contact')} value={values.contactId} onChange={(contactId) => set({ contactId })} options={select(contactOptions, t('opportunity.details.noContact'))} error={errors.contactId} />
            <SelectField
              id="opportunity-owner"
              label={t('opportunity.field.owner')}
              value={values.ownerId}
              onChange={(ownerId) => set({ ownerId })}
              options={withCurrent(options.users.map((user) => ({ value: user.id, label: user.name })), opportunity.owner.id, opportunity.owner.name)}
              error={errors.ownerId}
            />
            <SelectField
              id="opportunity-team"
              label={t('opportunity.field.team')}
              value={values.teamId}
              onChange={(teamId) => set({ teamId })}
              options={withCurrent(options.teams.map((team) => ({ value: team.id, label: team.name })), opportunity.team.id, opportunity.team.name)}
              error={errors.teamId}
            />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('opportunity.details.stageAndValue')}</legend>
          <div className="form-grid">
            <SelectField
              id="opportunity-pipeline"
              label={t('opportunity.field.pipeline')}
              value={values.pipelineId}
              onChange={(pipelineId) => {
                const first = options.pipelines.find((pipeline) => pipeline.id === pipelineId)?.stages[0];
                changeStage(first?.id ?? '', pipelineId);
              }}
              options={pipelines.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
              error={errors.pipelineId}
            />
            <SelectField
              id="opportunity-stage"
              label={t('opportunity.field.stage')}
              value={values.stageId}
              onChange={(stageId) => changeStage(stageId)}
              options={stages.map((stage) => ({ value: stage.id, label: `${stage.name} (${formats.percent(stage.probability)})` }))}
              error={errors.stageId}
            />
            <AmountField value={values.amount} onChange={(amount) => set({ amount })} error={errors.amount} fromLines={hasLines} />
            <TextField
              id="opportunity-probability"
              label={t('opportunity.details.probabilityInput')}
              inputMode="numeric"
              value={values.probability}
              onChange={(probability) => set({ probability })}
              error={errors.probability}
              hint={t('opportunity.details.probabilityHint')}
            />
            <TextField id="opportunity-close" label={t('opportunity.field.expectedClose')} type="date" value={values.expectedCloseDate} onChange={(expectedCloseDate) => set({ expectedCloseDate })} error={errors.expectedCloseDate} />
            <SelectField
              id="opportunity-forecast"
              label={t('opportunity.field.forecastCategory')}
              value={values.forecastCategoryKey}
              onChange={(forecastCategoryKey) => set({ forecastCategoryKey })}
              options={withCurrent(options.forecastCategories.map((entry) => ({ value: entry.key, label: entry.label })), opportunity.forecastCategory.key, opportunity.forecastCategory.label)}
              error={errors.forecastCategoryKey}
            />
            <SelectField
              id="opportunity-priority"
              label={t('opportunity.field.priority')}
              value={values.priorityKey}
              onChange={(priorityKey) => set({ priorityKey })}
              options={select(options.priorities.map((entry) => ({ value: entry.key, label: entry.label })), t('common.none'))}
              error={errors.priorityKey}
            />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('opportunity.details.dates')}</legend>
          <div className="form-grid">
            <TextField id="opportunity-revenue-start" label={t('opportunity.field.revenueStart')} type="date" value={values.revenueStartDate} onChange={(revenueStartDate) => set({ revenueStartDate })} error={errors.revenueStartDate} />
            <TextField id="opportunity-delivery" label={t('opportunity.field.deliveryDate')} type="date" value={values.deliveryDate} onChange={(deliveryDate) => set({ deliveryDate })} error={errors.deliveryDate} />
            <TextField id="opportunity-deal-start" label={t('opportunity.field.dealStart')} type="date" value={values.dealStartDate} onChange={(dealStartDate) => set({ dealStartDate })} error={errors.dealStartDate} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('opportunity.details.more')}</legend>
          <div className="form-grid">
            <SelectField
              id="opportunity-source"
              label={t('opportunity.field.source')}
              value={values.sourceId}
              onChange={(sourceId) => set({ sourceId })}
              options={select(
                withCurrent(
                  options.sources.filter((source) => source.active).map((source) => ({ value: source.id, label: source.name })),
                  opportunity.source?.id,
                  opportunity.source?.name,
                ),
                t('common.none'),
              )}
              error={errors.sourceId}
            />
            <TextField id="opportunity-competitor" label={t('opportunity.field.competitor')} value={values.competitor} onChange={(competitor) => set({ competitor })} error={errors.competitor} />
            <TextField id="opportunity-next-step" label={t('opportunity.field.nextStep')} className="field--wide" value={values.nextStep} onChange={(nextStep) => set({ nextStep })} error={errors.nextStep} />
            <TagPicker id="opportunity-tags" label={t('customer.field.tags')} tags={options.tags} value={splitIds(values.tagIds)} onChange={(ids) => set({ tagIds: joinIds(ids) })} error={errors.tagIds} />
            <TextAreaField id="opportunity-description" label={t('opportunity.field.description')} className="field--wide" value={values.description} onChange={(description) => set({ description })} error={errors.description} />
          </div>
        </fieldset>
      </fieldset>

      {!locked && (
        <div className="form-actions form-actions--sticky">
          <button type="submit" className="button button--primary" disabled={saving || !dirty}>
            {t('common.saveChanges')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={saving || !dirty}
            onClick={() => {
              form.reset(detailValuesOf(opportunity, formats), opportunity.version);
              setFeedback(noFeedback);
            }}
          >
            {t('opportunity.details.discard')}
          </button>
          {dirty && <span className="muted">{t('common.unsavedChanges')}</span>}
        </div>
      )}
    </form>
  );
}

/** The list, plus the record's current choice when the list no longer offers it (inactive, other team). */
function withCurrent(list: SelectOption[], id: string | undefined, label: string | undefined): SelectOption[] {
  if (!id || list.some((option) => option.value === id)) return list;
  return [{ value: id, label: label ?? id }, ...list];
}

/** Like TextField, but read-only while the lines make up the amount. */
function AmountField({ value, onChange, error, fromLines }: { value: string; onChange(value: string): void; error?: string; fromLines: boolean }) {
  const { t } = useTranslation();
  const { currency } = useFormats();
  const id = 'opportunity-amount';
  const hint = fromLines ? t('opportunity.details.amountFromLines') : undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {t('opportunity.amountInCurrency', { currency })}
      </label>
      <input
        id={id}
        name={id}
        className="input"
        inputMode="decimal"
        value={value}
        readOnly={fromLines}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      />
      {hint && !error && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
