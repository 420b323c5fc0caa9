import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTable } from '@tanstack/react-table';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { COLUMN_IDS, DEFAULT_SORT, type ColumnId, type ListSort, type SortField } from './list-state.ts';
import { COLUMN_LABELS, opportunityColumns, tableFeaturesOfList, type OpportunityRow } from './opportunity-columns.tsx';
import './opportunities.css';

interface Props {
  rows: OpportunityRow[];
  /** The columns shown, in their order. */
  columns: readonly ColumnId[];
  label: string;
  /** The list's order; without `onSort` the headers do not sort. */
  sort?: ListSort | null;
  onSort?(field: SortField): void;
}

const NO_ROWS: OpportunityRow[] = [];

/**
 * Opportunities as a table (TanStack Table keeps the columns, their visibility and order); the
 * server sorts, so a header only asks for another order. Below 640 px each row is a card.
 */
export function OpportunityTable({ rows, columns, label, sort, onSort }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const columnDefs = useMemo(() => opportunityColumns(t, formats), [t, formats]);
  const columnVisibility = useMemo(() => Object.fromEntries(COLUMN_IDS.map((id) => [id, columns.includes(id)])), [columns]);
  const columnOrder = useMemo(() => [...columns], [columns]);
  const table = useTable({
    features: tableFeaturesOfList,
    columns: columnDefs,
    data: rows.length > 0 ? rows : NO_ROWS,
    getRowId: (row) => row.id,
    state: { columnVisibility, columnOrder },
  });
  const shownSort = sort ?? DEFAULT_SORT;

  return (
    <div className="table-wrap">
      <table className="table table--cards opportunity-table" aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const { sortField, numeric } = header.column.columnDef.meta ?? {};
                const sorted = sortField && shownSort.field === sortField ? shownSort.direction : null;
                const name = t(COLUMN_LABELS[header.column.id as ColumnId]);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={numeric ? 'numeric' : undefined}
                    aria-sort={onSort && sortField ? (sorted === 'ASC' ? 'ascending' : sorted === 'DESC' ? 'descending' : 'none') : undefined}
                  >
                    {onSort && sortField ? (
                      <button type="button" className="opportunity-table__sort" onClick={() => onSort(sortField)} title={t('opportunities.sortBy', { column: name })}>
                        {name}
                        <span aria-hidden="true" className="opportunity-table__sort-mark">
                          {sorted === 'ASC' ? '▲' : sorted === 'DESC' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      name
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="opportunity-row" data-opportunity={row.original.humanId}>
              {row.getVisibleCells().map((cell, index) => {
                const { numeric } = cell.column.columnDef.meta ?? {};
                const classes = [numeric ? 'numeric' : '', index === 0 ? 'table__card-title' : ''].filter(Boolean).join(' ');
                return (
                  <td
                    key={cell.id}
                    className={classes || undefined}
                    data-column={cell.column.id}
                    data-label={index === 0 ? undefined : t(COLUMN_LABELS[cell.column.id as ColumnId])}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
