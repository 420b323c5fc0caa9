import { useTranslation } from 'react-i18next';
import type { DocumentLineInput } from '../../gql/graphql.ts';
import type { Formats } from '../../i18n/format.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';

export interface LineRow {
  key: string;
  productId: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}

export interface ProductOption {
  id: string;
  name: string;
  sku: string;
  unit: string;
  unitPrice: string;
}

let counter = 0;
export const newLineRow = (patch: Partial<LineRow> = {}): LineRow => ({
  key: `line-${(counter += 1)}`,
  productId: '',
  description: '',
  quantity: '1',
  unit: '',
  unitPrice: '',
  discountPercent: '',
  taxRate: '19',
  ...patch,
});

/**
 * The rows as the API's line input, numbers read in the user's language (1.250,50 in German). A
 * value that is no number is reported at its cell (as `lines.N.field`, like the server's errors).
 */
export function linesInput(rows: readonly LineRow[], formats: Formats, invalid: string): { lines: DocumentLineInput[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const lines = rows.map((row, index) => {
    const quantity = formats.parseDecimal(row.quantity);
    const unitPrice = formats.parseMoney(row.unitPrice);
    const discount = formats.parseDecimal(row.discountPercent);
    if (quantity === undefined) errors[`lines.${index}.quantity`] = invalid;
    if (unitPrice === undefined) errors[`lines.${index}.unitPrice`] = invalid;
    if (discount === undefined) errors[`lines.${index}.discountPercent`] = invalid;
    return {
      productId: row.productId || null,
      description: row.description.trim() || null,
      quantity: quantity ?? '',
      unit: row.unit.trim() || null,
      unitPrice: unitPrice ?? null,
      discountPercent: discount ?? null,
      taxRate: row.taxRate,
    };
  });
  return { lines, errors };
}

interface Props {
  rows: readonly LineRow[];
  products: readonly ProductOption[];
  errors: FieldErrors;
  formats: Formats;
  onChange(rows: LineRow[]): void;
}

const TAX_RATES = ['19', '7', '0'];

/** Editable lines of a quote, order or invoice; errors of `lines.N.field` show at their cell. */
export function DocumentLinesEditor({ rows, products, errors, formats, onChange }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<LineRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const cellError = (index: number, field: string) => errors[`lines.${index}.${field}`];
  const input = (index: number, field: keyof LineRow, label: string, props: { inputMode?: 'decimal' | 'text'; className?: string } = {}) => {
    const error = cellError(index, field);
    const id = `line-${index}-${field}`;
    return (
      <td className={props.className}>
        <input
          id={id}
          className="input input--compact"
          aria-label={t('billing.lines.cell', { label, row: index + 1 })}
          inputMode={props.inputMode}
          value={rows[index][field]}
          onChange={(event) => update(index, { [field]: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </td>
    );
  };
  return (
    <div className="table-wrap">
      <table className="table lines-editor" data-testid="lines-editor">
        <thead>
          <tr>
            <th scope="col">{t('billing.lines.product')}</th>
            <th scope="col">{t('billing.lines.description')}</th>
            <th scope="col">{t('billing.lines.quantity')}</th>
            <th scope="col">{t('billing.lines.unit')}</th>
            <th scope="col">{t('billing.lines.unitPrice')}</th>
            <th scope="col">{t('billing.lines.discount')}</th>
            <th scope="col">{t('billing.lines.tax')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('billing.lines.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td>
                <select
                  className="input input--compact"
                  aria-label={t('billing.lines.cell', { label: t('billing.lines.product'), row: index + 1 })}
                  value={row.productId}
                  aria-invalid={cellError(index, 'productId') ? true : undefined}
                  onChange={(event) => {
                    const product = products.find((candidate) => candidate.id === event.target.value);
                    update(
                      index,
                      product ? { productId: product.id, description: product.name, unit: product.unit, unitPrice: formats.moneyInput(product.unitPrice) } : { productId: '' },
                    );
                  }}
                >
                  <option value="">{t('billing.lines.noProduct')}</option>
                  {products.map((product) => (
                    <option key={product.id} value={product.id}>
                      {product.sku} · {product.name}
                    </option>
                  ))}
                </select>
              </td>
              {input(index, 'description', t('billing.lines.description'), { className: 'lines-editor__description' })}
              {input(index, 'quantity', t('billing.lines.quantity'), { inputMode: 'decimal' })}
              {input(index, 'unit', t('billing.lines.unit'))}
              {input(index, 'unitPrice', t('billing.lines.unitPrice'), { inputMode: 'decimal' })}
              {input(index, 'discountPercent', t('billing.lines.discount'), { inputMode: 'decimal' })}
              <td>
                <select
                  className="input input--compact"
                  aria-label={t('billing.lines.cell', { label: t('billing.lines.tax'), row: index + 1 })}
                  value={row.taxRate}
                  onChange={(event) => update(index, { taxRate: event.target.value })}
                >
                  {TAX_RATES.map((rate) => (
                    <option key={rate} value={rate}>
                      {formats.percent(rate)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" className="button button--ghost button--small" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                  {t('billing.lines.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--secondary button--small" onClick={() => onChange([...rows, newLineRow()])}>
        {t('billing.lines.add')}
      </button>
    </div>
  );
}
