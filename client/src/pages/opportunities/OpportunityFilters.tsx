import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { activeFilterCount, OPPORTUNITY_KINDS, OPPORTUNITY_STATUSES, type ListFilter } from './list-state.ts';
import { MultiSelect, type Choice } from './MultiSelect.tsx';
import { OpportunityFilterOptionsQuery } from './opportunity-list-queries.ts';

interface Props {
  filter: ListFilter;
  onChange(patch: Partial<ListFilter>): void;
  onClear(): void;
}

/** Every filter of the list except the search (which sits in the toolbar). */
export function OpportunityFilters({ filter, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: OpportunityFilterOptionsQuery, requestPolicy: 'cache-and-network' });
  const staleId = useId();
  const pipelines = data?.pipelines ?? [];
  const chosenPipelines = pipelines.filter((pipeline) => filter.pipelineIds?.includes(pipeline.id));
  // With pipelines chosen, their stages; otherwise every stage, named with its pipeline.
  const stageChoices: Choice[] = (chosenPipelines.length > 0 ? chosenPipelines : pipelines).flatMap((pipeline) =>
    pipeline.stages.map((stage) => ({
      value: stage.id,
      label: chosenPipelines.length === 1 ? stage.name : t('opportunities.filters.stageOfPipeline', { stage: stage.name, pipeline: pipeline.name }),
    })),
  );
  const named = (items: readonly { id: string; name: string }[] | undefined): Choice[] => (items ?? []).map((item) => ({ value: item.id, label: item.name }));

  return (
    <div className="card list-filters" role="group" aria-label={t('opportunities.filters.label')} id="opportunity-filters">
      <MultiSelect
        label={t('opportunities.filters.status')}
        choices={OPPORTUNITY_STATUSES.map((status) => ({ value: status, label: t(`opportunity.status.${status}`) }))}
        selected={filter.statuses}
        onChange={(values) => onChange({ statuses: values as ListFilter['statuses'] })}
      />
      <MultiSelect
        label={t('opportunities.filters.kind')}
        choices={OPPORTUNITY_KINDS.map((kind) => ({ value: kind, label: t(`opportunity.kind.${kind}`) }))}
        selected={filter.kinds}
        onChange={(values) => onChange({ kinds: values as ListFilter['kinds'] })}
      />
      <MultiSelect label={t('opportunities.filters.pipeline')} choices={named(pipelines)} selected={filter.pipelineIds} onChange={(values) => onChange({ pipelineIds: values })} />
      <MultiSelect label={t('opportunities.filters.stage')} choices={stageChoices} selected={filter.stageIds} onChange={(values) => onChange({ stageIds: values })} />
      <div className="list-filters__group">
        <MultiSelect label={t('opportunities.filters.owner')} choices={named(data?.users)} selected={filter.ownerIds} onChange={(values) => onChange({ ownerIds: values })} />
        <label className="list-filters__check">
          <input type="checkbox" checked={filter.mine === true} onChange={(event) => onChange({ mine: event.target.checked || undefined })} />
          {t('opportunities.filters.mine')}
        </label>
      </div>
      <MultiSelect label={t('opportunities.filters.team')} choices={named(data?.teams)} selected={filter.teamIds} onChange={(values) => onChange({ teamIds: values })} />
      <MultiSelect label={t('opportunities.filters.tags')} choices={named(data?.tags)} selected={filter.tagIds} onChange={(values) => onChange({ tagIds: values })} />
      <MultiSelect label={t('opportunities.filters.source')} choices={named(data?.sources)} selected={filter.sourceIds} onChange={(values) => onChange({ sourceIds: values })} />
      <fieldset className="list-filters__field check-list">
        <legend>{t('opportunities.filters.closeDate')}</legend>
        <div className="list-filters__range">
          <input
            className="input"
            type="date"
            min="1900-01-01"
            max="2200-12-31"
            aria-label={t('opportunities.filters.closeDateFrom')}
            value={filter.closeDateFrom ?? ''}
            onChange={(event) => onChange({ closeDateFrom: event.target.value || undefined })}
          />
          <input
            className="input"
            type="date"
            min="1900-01-01"
            max="2200-12-31"
            aria-label={t('opportunities.filters.closeDateTo')}
            value={filter.closeDateTo ?? ''}
            onChange={(event) => onChange({ closeDateTo: event.target.value || undefined })}
          />
        </div>
      </fieldset>
      <fieldset className="list-filters__field check-list">
        <legend>{t('opportunity.field.amount')}</legend>
        <div className="list-filters__range">
          <AmountInput label={t('opportunities.filters.amountMin')} value={filter.amountMin} onChange={(amountMin) => onChange({ amountMin })} />
          <AmountInput label={t('opportunities.filters.amountMax')} value={filter.amountMax} onChange={(amountMax) => onChange({ amountMax })} />
        </div>
      </fieldset>
      <div className="list-filters__field">
        <label htmlFor={staleId}>{t('opportunities.filters.activity')}</label>
        <select
          id={staleId}
          className="input"
          value={filter.stale === undefined ? '' : String(filter.stale)}
          onChange={(event) => onChange({ stale: event.target.value === '' ? undefined : event.target.value === 'true' })}
        >
          <option value="">{t('opportunities.filters.staleAny')}</option>
          <option value="true">{t('opportunities.filters.staleOnly')}</option>
          <option value="false">{t('opportunities.filters.staleNot')}</option>
        </select>
        <div className="list-filters__checks">
          <label>
            <input type="checkbox" checked={filter.followed === true} onChange={(event) => onChange({ followed: event.target.checked || undefined })} />
            {t('opportunities.filters.followed')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={filter.withoutOpenActivity === true}
              onChange={(event) => onChange({ withoutOpenActivity: event.target.checked || undefined })}
            />
            {t('opportunities.filters.withoutOpenActivity')}
          </label>
        </div>
      </div>
      {activeFilterCount({ ...filter, search: undefined }) > 0 && (
        <div className="list-filters__footer">
          <button type="button" className="button button--ghost" onClick={onClear}>
            {t('opportunities.filters.clear')}
          </button>
        </div>
      )}
    </div>
  );
}

/** An amount typed as the user writes it (1.234,50 in German); applied when the field is left. */
function AmountInput({ label, value, onChange }: { label: string; value: string | undefined; onChange(value: string | undefined): void }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const errorId = useId();
  const [text, setText] = useState(formats.moneyInput(value));
  const [invalid, setInvalid] = useState(false);
  // A new value from outside (a preset, a view, the back button) replaces what is typed.
  useEffect(() => {
    setText(formats.moneyInput(value));
    setInvalid(false);
  }, [value, formats]);

  function apply() {
    const parsed = formats.parseMoney(text);
    if (parsed === undefined) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const next = parsed ?? undefined;
    if (next !== value) onChange(next);
  }

  return (
    <span>
      <input
        className={`input${invalid ? ' input--invalid' : ''}`}
        inputMode="decimal"
        aria-label={label}
        placeholder={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
        }}
      />
      {invalid && (
        <span id={errorId} className="field__error">
          {t('opportunities.filters.amountInvalid', { example: formats.moneyInput('1234.5') })}
        </span>
      )}
    </span>
  );
}
