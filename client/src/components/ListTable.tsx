import type { ReactNode } from 'react';

export interface ListColumn<Row> {
  label: string;
  numeric?: boolean;
  /** A column without a visible heading (its actions): the label is for screen readers only. */
  labelHidden?: boolean;
  cell(row: Row): ReactNode;
}

/**
 * Records as a table; below 640 px each row is a card whose heading is the first column and whose
 * other cells are labelled with their column.
 */
export function ListTable<Row extends { id: string }>({ labelledBy, columns, rows }: { labelledBy: string; columns: ReadonlyArray<ListColumn<NoInfer<Row>>>; rows: readonly Row[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--cards" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.labelHidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <td key={column.label} className="table__card-title">
                    {column.cell(row)}
                  </td>
                ) : (
                  <td key={column.label} className={column.numeric ? 'numeric' : undefined} data-label={column.labelHidden ? undefined : column.label}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
