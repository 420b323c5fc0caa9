import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { AccountPicker } from '../../components/opportunity/AccountPicker.tsx';
import { CONFLICT_MESSAGE, failureMessage } from '../../components/opportunity/errors.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TagPicker, TextAreaField, TextField, type SelectOption } from '../../components/fields.tsx';
import type { OpportunityDetailFieldsFragment, OpportunityFormOptionsQuery } from '../../gql/graphql.ts';
import { placeFieldErrors, type FieldErrors } from '../../lib/field-errors.ts';
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
}

interface Feedback {
  errors: FieldErrors;
  message?: string;
  unplaced: string[];
  saved?: boolean;
}

const noFeedback: Feedback = { errors: {}, unplaced: [] };

/** Every business field of the opportunity, saved together with the version it was read at. */
export function OpportunityDetailsForm({ opportunity, options, locked, onConflict }: Props) {
  const form = useRebasingForm(detailValuesOf(opportunity), opportunity.version);
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
    const prepared = updateInputOf(values, form.changed);
    if (prepared.errors) {
      setFeedback({ errors: prepared.errors, unplaced: [], message: 'Nothing was saved: please correct the marked fields.' });
      return;
    }
    const result = await updateOpportunity({ id: opportunity.id, input: prepared.input, version: form.version });
    const outcome = result.data?.updateOpportunity;
    switch (outcome?.__typename) {
      case 'UpdateOpportunitySuccess':
        form.reset(detailValuesOf(outcome.opportunity), outcome.opportunity.version);
        setFeedback({ ...noFeedback, saved: true });
        return;
      case 'ValidationError': {
        const { byField, unplaced } = placeFieldErrors(outcome.fieldErrors, DETAIL_FIELDS);
        setFeedback({ errors: byField, unplaced, message: 'Nothing was saved: please correct the marked fields.' });
        return;
      }
      case 'ConflictError':
        if (outcome.current) form.reset(detailValuesOf(outcome.current), outcome.current.version);
        setFeedback({ ...noFeedback, message: CONFLICT_MESSAGE });
        onConflict();
        return;
      default:
        setFeedback({ ...noFeedback, message: failureMessage(outcome, result.error, 'The changes could not be saved.') });
    }
  }

  const errors = feedback.errors;
  const select = (list: readonly SelectOption[], blank?: string): SelectOption[] => (blank === undefined ? [...list] : [{ value: '', label: blank }, ...list]);
  const contactOptions = contactsData?.contacts.edges.map(({ node }) => ({ value: node.id, label: node.fullName })) ?? [];
  if (opportunity.contact && values.contactId === opportunity.contact.id && !contactOptions.some((option) => option.value === opportunity.contact!.id)) {
    contactOptions.unshift({ value: opportunity.contact.id, label: opportunity.contact.fullName });
  }
  const dirty = form.changed.length > 0;

  return (
    <form ref={formRef} className="form opportunity-form" onSubmit={handleSubmit} noValidate aria-label="Opportunity details">
      <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
      {feedback.saved && !dirty && (
        <p className="banner banner--success" role="status">
          Saved.
        </p>
      )}
      <fieldset className="opportunity-form__fields" disabled={locked}>
        <legend className="visually-hidden">Business data</legend>
        <fieldset className="form-section">
          <legend>Opportunity</legend>
          <div className="form-grid">
            <TextField id="opportunity-title" label="Title" required className="field--wide" value={values.title} onChange={(title) => set({ title })} error={errors.title} />
            <AccountPicker
              id="opportunity-account"
              label="Account"
              required
              disabled={locked}
              value={values.accountId ? { id: values.accountId, name: values.accountName } : null}
              onChange={(account) => set({ accountId: account?.id ?? '', accountName: account?.name ?? '', contactId: '' })}
              error={errors.accountId}
            />
            <SelectField id="opportunity-contact" label="Contact" value={values.contactId} onChange={(contactId) => set({ contactId })} options={select(contactOptions, 'No contact')} error={errors.contactId} />
            <SelectField
              id="opportunity-owner"
              label="Owner"
              value={values.ownerId}
              onChange={(ownerId) => set({ ownerId })}
              options={withCurrent(options.users.map((user) => ({ value: user.id, label: user.name })), opportunity.owner.id, opportunity.owner.name)}
              error={errors.ownerId}
            />
            <SelectField
              id="opportunity-team"
              label="Team"
              value={values.teamId}
              onChange={(teamId) => set({ teamId })}
              options={withCurrent(options.teams.map((team) => ({ value: team.id, label: team.name })), opportunity.team.id, opportunity.team.name)}
              error={errors.teamId}
            />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Stage and value</legend>
          <div className="form-grid">
            <SelectField
              id="opportunity-pipeline"
              label="Pipeline"
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
              label="Stage"
              value={values.stageId}
              onChange={(stageId) => changeStage(stageId)}
              options={stages.map((stage) => ({ value: stage.id, label: `${stage.name} (${stage.probability} %)` }))}
              error={errors.stageId}
            />
            <AmountField value={values.amount} onChange={(amount) => set({ amount })} error={errors.amount} fromLines={hasLines} />
            <TextField
              id="opportunity-probability"
              label="Probability (%)"
              inputMode="numeric"
              value={values.probability}
              onChange={(probability) => set({ probability })}
              error={errors.probability}
              hint="The stage's default after a move; you may override it."
            />
            <TextField id="opportunity-close" label="Expected close" type="date" value={values.expectedCloseDate} onChange={(expectedCloseDate) => set({ expectedCloseDate })} error={errors.expectedCloseDate} />
            <SelectField
              id="opportunity-forecast"
              label="Forecast category"
              value={values.forecastCategoryKey}
              onChange={(forecastCategoryKey) => set({ forecastCategoryKey })}
              options={withCurrent(options.forecastCategories.map((entry) => ({ value: entry.key, label: entry.label })), opportunity.forecastCategory.key, opportunity.forecastCategory.label)}
              error={errors.forecastCategoryKey}
            />
            <SelectField
              id="opportunity-priority"
              label="Priority"
              value={values.priorityKey}
              onChange={(priorityKey) => set({ priorityKey })}
              options={select(options.priorities.map((entry) => ({ value: entry.key, label: entry.label })), 'None')}
              error={errors.priorityKey}
            />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Dates</legend>
          <div className="form-grid">
            <TextField id="opportunity-revenue-start" label="Revenue start" type="date" value={values.revenueStartDate} onChange={(revenueStartDate) => set({ revenueStartDate })} error={errors.revenueStartDate} />
            <TextField id="opportunity-delivery" label="Delivery date" type="date" value={values.deliveryDate} onChange={(deliveryDate) => set({ deliveryDate })} error={errors.deliveryDate} />
            <TextField id="opportunity-deal-start" label="Deal start" type="date" value={values.dealStartDate} onChange={(dealStartDate) => set({ dealStartDate })} error={errors.dealStartDate} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>More</legend>
          <div className="form-grid">
            <SelectField
              id="opportunity-source"
              label="Source"
              value={values.sourceId}
              onChange={(sourceId) => set({ sourceId })}
              options={select(
                withCurrent(
                  options.sources.filter((source) => source.active).map((source) => ({ value: source.id, label: source.name })),
                  opportunity.source?.id,
                  opportunity.source?.name,
                ),
                'None',
              )}
              error={errors.sourceId}
            />
            <TextField id="opportunity-competitor" label="Competitor" value={values.competitor} onChange={(competitor) => set({ competitor })} error={errors.competitor} />
            <TextField id="opportunity-next-step" label="Next step" className="field--wide" value={values.nextStep} onChange={(nextStep) => set({ nextStep })} error={errors.nextStep} />
            <TagPicker id="opportunity-tags" label="Tags" tags={options.tags} value={splitIds(values.tagIds)} onChange={(ids) => set({ tagIds: joinIds(ids) })} error={errors.tagIds} />
            <TextAreaField id="opportunity-description" label="Description" className="field--wide" value={values.description} onChange={(description) => set({ description })} error={errors.description} />
          </div>
        </fieldset>
      </fieldset>

      {!locked && (
        <div className="form-actions form-actions--sticky">
          <button type="submit" className="button button--primary" disabled={saving || !dirty}>
            Save changes
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={saving || !dirty}
            onClick={() => {
              form.reset(detailValuesOf(opportunity), opportunity.version);
              setFeedback(noFeedback);
            }}
          >
            Discard changes
          </button>
          {dirty && <span className="muted">Unsaved changes</span>}
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
  const id = 'opportunity-amount';
  const hint = fromLines ? 'The sum of the lines: change the lines to change it.' : undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        Amount (EUR)
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
