import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useClosingDetails } from './useClosingDetails.ts';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  label: string;
  choices: readonly Choice[];
  selected: readonly string[] | undefined;
  onChange(selected: string[] | undefined): void;
}

/**
 * Several values of one filter: a drop-down of checkboxes whose closed form says what is chosen.
 * Nothing chosen means "any" (the filter is left out).
 */
export function MultiSelect({ label, choices, selected = [], onChange }: Props) {
  const { t } = useTranslation();
  const ref = useClosingDetails<HTMLDetailsElement>();
  const labelId = useId();
  const chosen = choices.filter((choice) => selected.includes(choice.value));
  // Values of a link that the choices do not offer (a deactivated owner, say) still count.
  const unknown = selected.filter((value) => !choices.some((choice) => choice.value === value));
  const summary =
    selected.length === 0
      ? t('opportunities.filters.any')
      : selected.length === 1 && chosen.length === 1
        ? chosen[0].label
        : t('opportunities.filters.selected', { count: selected.length });

  function toggle(value: string, on: boolean) {
    const next = on ? [...selected, value] : selected.filter((item) => item !== value);
    onChange(next.length > 0 ? next : undefined);
  }

  return (
    <div className="list-filters__field">
      <span id={labelId}>{label}</span>
      <details ref={ref} className="multi-select">
        <summary className="input" aria-labelledby={labelId} aria-describedby={`${labelId}-value`}>
          <span id={`${labelId}-value`}>{summary}</span>
        </summary>
        <fieldset className="multi-select__panel check-list">
          <legend className="visually-hidden">{label}</legend>
          {choices.map((choice) => (
            <label key={choice.value}>
              <input type="checkbox" checked={selected.includes(choice.value)} onChange={(event) => toggle(choice.value, event.target.checked)} />
              {choice.label}
            </label>
          ))}
          {unknown.length > 0 && (
            <label>
              <input type="checkbox" checked onChange={() => onChange(selected.filter((value) => choices.some((choice) => choice.value === value)))} />
              {t('opportunities.filters.selected', { count: unknown.length })}
            </label>
          )}
        </fieldset>
      </details>
    </div>
  );
}
