import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId } from './list-state.ts';
import { COLUMN_LABELS } from './opportunity-columns.tsx';
import { useClosingDetails } from './useClosingDetails.ts';

interface Props {
  columns: readonly ColumnId[];
  /** Null: the default columns. */
  onChange(columns: ColumnId[] | null): void;
}

/** Which columns the table shows. A column switched on takes its usual place among the others. */
export function ColumnChooser({ columns, onChange }: Props) {
  const { t } = useTranslation();
  const ref = useClosingDetails<HTMLDetailsElement>();

  function toggle(id: ColumnId, on: boolean) {
    if (!on) {
      if (columns.length > 1) onChange(columns.filter((column) => column !== id));
      return;
    }
    const rank = COLUMN_IDS.indexOf(id);
    const before = columns.findIndex((column) => COLUMN_IDS.indexOf(column) > rank);
    onChange(before === -1 ? [...columns, id] : [...columns.slice(0, before), id, ...columns.slice(before)]);
  }

  return (
    <details ref={ref} className="popover">
      <summary className="button button--secondary">{t('opportunities.columns.button')}</summary>
      <fieldset className="popover__panel check-list">
        <legend className="visually-hidden">{t('opportunities.columns.label')}</legend>
        {COLUMN_IDS.map((id) => {
          const shown = columns.includes(id);
          const last = shown && columns.length === 1;
          return (
            <label key={id} title={last ? t('opportunities.columns.keepOne') : undefined}>
              <input type="checkbox" checked={shown} disabled={last} onChange={(event) => toggle(id, event.target.checked)} />
              {t(COLUMN_LABELS[id])}
            </label>
          );
        })}
        <button type="button" className="button button--ghost button--small" onClick={() => onChange(null)} disabled={columns.join() === DEFAULT_COLUMNS.join()}>
          {t('opportunities.columns.reset')}
        </button>
      </fieldset>
    </details>
  );
}
