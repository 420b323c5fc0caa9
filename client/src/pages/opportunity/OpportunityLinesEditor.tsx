import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { fromCents, toCents } from '../../components/opportunity/money.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { graphql } from '../../gql';
import type { OpportunityDetailFieldsFragment, OpportunityLineInput } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { emptyRow, previewTotal, rowsOf, type LineRow } from './line-rows.ts';
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

interface Props {
  opportunity: OpportunityDetailFieldsFragment;
  locked: boolean;
  onConflict(): void;
  /** Told whether lines were changed and not saved yet. */
  onDirtyChange(dirty: boolean): void;
}

const COLUMNS = ['description', 'quantity', 'unitPrice', 'discountPercent'] as const;

/**
 * Product x quantity x unit price (- discount); with lines, the opportunity's amount is their sum.
 * The first line replaces an amount typed directly, so adding it asks first.
 */
export function OpportunityLinesEditor({ opportunity, locked, onConflict, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const serverRows = rowsOf(opportunity, formats);
  const [rows, setRows] = useState<LineRow[] | null>(null); // null: not edited, show the server's
  const shown = rows ?? serverRows;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ message?: string; details: string[] }>({ details: [] });
  const [confirmingFirstLine, setConfirmingFirstLine] = useState(false);
  const [{ data: productsData }] = useQuery({ query: OpportunityProductsQuery, pause: locked });
  const [{ fetching: saving }, setLines] = useMutation(SetOpportunityLinesMutation);
  const products = productsData?.products.edges.map(({ node }) => node) ?? [];
  useEffect(() => onDirtyChange(rows !== null), [rows, onDirtyChange]);

  const columnLabel = {
    description: t('opportunity.lines.description'),
    quantity: t('opportunity.lines.quantity'),
    unitPrice: t('opportunity.lines.unitPrice'),
    discountPercent: t('opportunity.lines.discount'),
  };

  function update(key: string, patch: Partial<LineRow>) {
    setRows(shown.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function addLine() {
    const replacesAmount = shown.length === 0 && toCents(opportunity.amount) !== 0n;
    if (replacesAmount && !confirmingFirstLine) {
      setConfirmingFirstLine(true);
      return;
    }
    setConfirmingFirstLine(false);
    setRows([...shown, emptyRow()]);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const localErrors: Record<string, string> = {};
    const lines: OpportunityLineInput[] = shown.map((row, index) => {
      const quantity = formats.parseDecimal(row.quantity);
      const unitPrice = formats.parseMoney(row.unitPrice);
      const discountPercent = formats.parseDecimal(row.discountPercent);
      if (quantity === undefined || quantity === null) localErrors[`lines.${index}.quantity`] = t('errors.quantity');
      if (unitPrice === undefined) localErrors[`lines.${index}.unitPrice`] = t('errors.amountFormat', { example: formats.moneyInput('1250.5') });
      if (discountPercent === undefined) localErrors[`lines.${index}.discountPercent`] = t('errors.percentage');
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
      setSummary({ message: t('errors.correctLines'), details: [] });
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
        if (/^lines\.\d+\.\w+/.test(entry.field)) byField[entry.field.split('.').slice(0, 3).join('.')] ??= serverErrors.fieldError(entry);
        else unplaced.push(serverErrors.fieldError(entry));
      }
      setErrors(byField);
      setSummary({ message: t('errors.correctLines'), details: unplaced });
      return;
    }
    if (outcome?.__typename === 'ConflictError') {
      setRows(null);
      setErrors({});
      setSummary({ message: t('errors.conflict'), details: [] });
      onConflict();
      return;
    }
    setSummary({ message: serverErrors.failure(outcome, result.error, t('opportunity.lines.saveFailed')), details: [] });
  }

  const editable = !locked;
  const total = shown.reduce((sum, row) => sum + toCents(previewTotal(row, formats) ?? '0'), 0n);

  return (
    <section className="card lines-card" aria-labelledby="lines-title">
      <div className="section-header">
        <h2 id="lines-title">{t('opportunity.lines.title')}</h2>
        {shown.length > 0 && <span className="muted">{t('opportunity.lines.total', { total: formats.money(fromCents(total)) })}</span>}
      </div>
      <form onSubmit={handleSubmit} noValidate aria-label={t('opportunity.lines.title')}>
        <FormErrorSummary message={summary.message} details={summary.details} />
        {shown.length === 0 && <p className="muted">{t('opportunity.lines.none')}</p>}
        {shown.length > 0 && (
          <fieldset disabled={!editable} className="lines-fieldset">
            <legend className="visually-hidden">{t('opportunity.lines.title')}</legend>
            <div className="table-wrap">
              <table className="table table--cards lines-table">
                <thead>
                  <tr>
                    <th scope="col" className="lines-table__product">
                      {t('opportunity.lines.product')}
                    </th>
                    <th scope="col" className="lines-table__description">
                      {columnLabel.description}
                    </th>
                    <th scope="col" className="numeric">
                      {columnLabel.quantity}
                    </th>
                    <th scope="col" className="numeric">
                      {columnLabel.unitPrice}
                    </th>
                    <th scope="col" className="numeric">
                      {columnLabel.discountPercent}
                    </th>
                    <th scope="col" className="numeric">
                      {t('opportunity.lines.lineTotal')}
                    </th>
                    {editable && (
                      <th scope="col">
                        <span className="visually-hidden">{t('opportunity.lines.remove')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((row, index) => {
                    const line = opportunity.lines.find((candidate) => candidate.id === row.key);
                    const preview = previewTotal(row, formats);
                    return (
                      <tr key={row.key}>
                        <td className="lines-table__product" data-label={t('opportunity.lines.product')}>
                          <select
                            className="input"
                            aria-label={t('opportunity.lines.cellLabel', { column: t('opportunity.lines.product'), line: index + 1 })}
                            value={row.productId}
                            onChange={(event) => {
                              const product = products.find((candidate) => candidate.id === event.target.value);
                              update(row.key, { productId: event.target.value, ...(product ? { unitPrice: formats.moneyInput(product.unitPrice) } : {}) });
                            }}
                          >
                            <option value="">{t('opportunity.lines.noProduct')}</option>
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
                        {COLUMNS.map((field) => {
                          const error = errors[`lines.${index}.${field}`];
                          const id = `line-${index}-${field}`;
                          return (
                            <td key={field} className={field === 'description' ? 'lines-table__description' : 'numeric'} data-label={columnLabel[field]}>
                              <input
                                id={id}
                                className={`input${error ? ' input--invalid' : ''}`}
                                aria-label={t('opportunity.lines.cellLabel', { column: columnLabel[field], line: index + 1 })}
                                inputMode={field === 'description' ? 'text' : 'decimal'}
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
                            </td>
                          );
                        })}
                        <td className="numeric" data-label={t('opportunity.lines.lineTotal')}>
                          {rows === null && line ? formats.money(line.total) : preview ? formats.money(preview) : '—'}
                        </td>
                        {editable && (
                          <td>
                            <button
                              type="button"
                              className="button button--ghost"
                              aria-label={t('opportunity.lines.removeLine', { line: index + 1 })}
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
        {editable && confirmingFirstLine && (
          <div className="confirm" role="group" aria-label={t('opportunity.lines.replaceAmountTitle')} data-testid="first-line-confirm">
            <span className="confirm__question">{t('opportunity.lines.replaceAmount', { amount: formats.money(opportunity.amount) })}</span>
            <button type="button" className="button button--primary" onClick={addLine}>
              {t('opportunity.lines.replaceAmountConfirm')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirmingFirstLine(false)}>
              {t('common.cancel')}
            </button>
          </div>
        )}
        {editable && (
          <div className="form-actions">
            {!confirmingFirstLine && (
              <button type="button" className="button button--secondary" onClick={addLine}>
                {t('opportunity.lines.add')}
              </button>
            )}
            {rows !== null && (
              <>
                <button type="submit" className="button button--primary" disabled={saving}>
                  {t('opportunity.lines.save')}
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
                  {t('common.discard')}
                </button>
              </>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
