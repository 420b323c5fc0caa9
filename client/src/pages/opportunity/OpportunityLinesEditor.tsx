import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CONFLICT_MESSAGE, failureMessage } from '../../components/opportunity/errors.ts';
import { formatEur, fromCents, parseDecimalInput, parseMoneyInput, toCents } from '../../components/opportunity/money.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { graphql } from '../../gql';
import type { OpportunityDetailFieldsFragment, OpportunityLineInput } from '../../gql/graphql.ts';
import { SetOpportunityLinesMutation } from './opportunity-queries.ts';

const OpportunityProductsQuery = graphql(`
  query OpportunityProducts {
    products(first: 100) {
      edges {
        node {
          id
          name
          sku
          unit
          unitPrice
        }
      }
    }
  }
`);

interface LineRow {
  key: string;
  productId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

interface Props {
  opportunity: OpportunityDetailFieldsFragment;
  locked: boolean;
  onConflict(): void;
}

let rowCounter = 0;
const newKey = () => `new-${(rowCounter += 1)}`;

function rowsOf(opportunity: OpportunityDetailFieldsFragment): LineRow[] {
  return [...opportunity.lines]
    .sort((a, b) => a.position - b.position)
    .map((line) => ({
      key: line.id,
      productId: line.product?.id ?? '',
      description: line.description ?? '',
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent === '0' ? '' : line.discountPercent,
    }));
}

/** A line's total as the server computes it (quantity x price - discount %), for the preview. */
function previewTotal(row: LineRow): string | null {
  const quantity = parseDecimalInput(row.quantity);
  const price = parseMoneyInput(row.unitPrice);
  const discount = parseDecimalInput(row.discountPercent) ?? '0';
  if (!quantity || !price || discount === undefined) return null;
  const total = Number(quantity) * Number(price) * (1 - Number(discount) / 100);
  return fromCents(toCents(total.toFixed(2)));
}

/** Product x quantity x unit price (- discount); with lines, the opportunity's amount is their sum. */
export function OpportunityLinesEditor({ opportunity, locked, onConflict }: Props) {
  const serverRows = rowsOf(opportunity);
  const [rows, setRows] = useState<LineRow[] | null>(null); // null: not edited, show the server's
  const shown = rows ?? serverRows;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ message?: string; details: string[] }>({ details: [] });
  const [{ data: productsData }] = useQuery({ query: OpportunityProductsQuery, pause: locked });
  const [{ fetching: saving }, setLines] = useMutation(SetOpportunityLinesMutation);
  const products = productsData?.products.edges.map(({ node }) => node) ?? [];

  function update(key: string, patch: Partial<LineRow>) {
    setRows(shown.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const localErrors: Record<string, string> = {};
    const lines: OpportunityLineInput[] = shown.map((row, index) => {
      const quantity = parseDecimalInput(row.quantity);
      const unitPrice = parseMoneyInput(row.unitPrice);
      const discountPercent = parseDecimalInput(row.discountPercent);
      if (quantity === undefined || quantity === null) localErrors[`lines.${index}.quantity`] = 'Enter a quantity.';
      if (unitPrice === undefined) localErrors[`lines.${index}.unitPrice`] = 'Enter a price like 1250 or 1.250,50.';
      if (discountPercent === undefined) localErrors[`lines.${index}.discountPercent`] = 'Enter a percentage.';
      return {
        productId: row.productId || null,
        description: row.description.trim() || null,
        quantity: quantity ?? '0',
        unitPrice: unitPrice ?? null,
        discountPercent: discountPercent ?? null,
      };
    });
    if (Object.keys(localErrors).length > 0) {
      setErrors(localErrors);
      setSummary({ message: 'Nothing was saved: please correct the marked lines.', details: [] });
      return;
    }
    const result = await setLines({ id: opportunity.id, lines, version: opportunity.version });
    const outcome = result.data?.setOpportunityLines;
    if (outcome?.__typename === 'SetOpportunityLinesSuccess') {
      setRows(null);
      setErrors({});
      setSummary({ details: [] });
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const byField: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const entry of outcome.fieldErrors) {
        if (/^lines\.\d+\.\w+/.test(entry.field)) byField[entry.field.split('.').slice(0, 3).join('.')] ??= entry.message;
        else unplaced.push(entry.message);
      }
      setErrors(byField);
      setSummary({ message: 'Nothing was saved: please correct the marked lines.', details: unplaced });
      return;
    }
    if (outcome?.__typename === 'ConflictError') {
      setRows(null);
      setErrors({});
      setSummary({ message: CONFLICT_MESSAGE, details: [] });
      onConflict();
      return;
    }
    setSummary({ message: failureMessage(outcome, result.error, 'The lines could not be saved.'), details: [] });
  }

  const editable = !locked;
  const total = shown.reduce((sum, row) => sum + toCents(previewTotal(row) ?? '0'), 0n);

  return (
    <section className="card" aria-labelledby="lines-title">
      <div className="section-header">
        <h2 id="lines-title">Lines</h2>
        {shown.length > 0 && <span className="muted">Total {formatEur(fromCents(total))}</span>}
      </div>
      <form onSubmit={handleSubmit} noValidate aria-label="Lines">
        <FormErrorSummary message={summary.message} details={summary.details} />
        {shown.length === 0 && <p className="muted">No lines: the amount is entered directly.</p>}
        {shown.length > 0 && (
          <fieldset disabled={!editable} className="lines-fieldset">
            <legend className="visually-hidden">Lines</legend>
            <div className="table-wrap">
              <table className="table lines-table">
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Description</th>
                    <th scope="col" className="numeric">
                      Quantity
                    </th>
                    <th scope="col" className="numeric">
                      Unit price
                    </th>
                    <th scope="col" className="numeric">
                      Discount %
                    </th>
                    <th scope="col" className="numeric">
                      Total
                    </th>
                    {editable && <th scope="col"><span className="visually-hidden">Remove</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((row, index) => {
                    const line = opportunity.lines.find((candidate) => candidate.id === row.key);
                    const cell = (field: keyof LineRow, label: string, inputMode: 'decimal' | 'text' = 'decimal') => {
                      const error = errors[`lines.${index}.${field}`];
                      const id = `line-${index}-${field}`;
                      return (
                        <>
                          <input
                            id={id}
                            className={`input${error ? ' input--invalid' : ''}`}
                            aria-label={`${label}, line ${index + 1}`}
                            inputMode={inputMode}
                            value={row[field]}
                            onChange={(event) => update(row.key, { [field]: event.target.value })}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${id}-error` : undefined}
                          />
                          {error && (
                            <p className="field__error" id={`${id}-error`}>
                              {error}
                            </p>
                          )}
                        </>
                      );
                    };
                    const preview = previewTotal(row);
                    return (
                      <tr key={row.key}>
                        <td>
                          <select
                            className="input"
                            aria-label={`Product, line ${index + 1}`}
                            value={row.productId}
                            onChange={(event) => {
                              const product = products.find((candidate) => candidate.id === event.target.value);
                              update(row.key, { productId: event.target.value, ...(product ? { unitPrice: product.unitPrice } : {}) });
                            }}
                          >
                            <option value="">No product</option>
                            {line?.product && !products.some((product) => product.id === line.product!.id) && (
                              <option value={line.product.id}>{line.product.name}</option>
                            )}
                            {products.map((product) => (
                              <option key={product.id} value={product.id}>
                                {product.name} ({product.sku})
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>{cell('description', 'Description', 'text')}</td>
                        <td className="numeric">{cell('quantity', 'Quantity')}</td>
                        <td className="numeric">{cell('unitPrice', 'Unit price')}</td>
                        <td className="numeric">{cell('discountPercent', 'Discount %')}</td>
                        <td className="numeric">{rows === null && line ? formatEur(line.total) : preview ? formatEur(preview) : '—'}</td>
                        {editable && (
                          <td>
                            <button
                              type="button"
                              className="button button--ghost"
                              aria-label={`Remove line ${index + 1}`}
                              onClick={() => setRows(shown.filter((other) => other.key !== row.key))}
                            >
                              ✕
                            </button>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </fieldset>
        )}
        {editable && (
          <div className="form-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                setRows([...shown, { key: newKey(), productId: '', description: '', quantity: '1', unitPrice: '', discountPercent: '' }])
              }
            >
              Add line
            </button>
            {rows !== null && (
              <>
                <button type="submit" className="button button--primary" disabled={saving}>
                  Save lines
                </button>
                <button
                  type="button"
                  className="button button--ghost"
                  disabled={saving}
                  onClick={() => {
                    setRows(null);
                    setErrors({});
                    setSummary({ details: [] });
                  }}
                >
                  Discard
                </button>
              </>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
