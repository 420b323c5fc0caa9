import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { TextField } from '../../components/fields.tsx';
import type { InvoiceDetailFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { textOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import { todayIn } from '../activities/zoned-time.ts';
import { RecordPaymentMutation, RemovePaymentMutation } from './billing-queries.ts';
import { useAction } from './DocumentParts.tsx';

/** The payments of an invoice, and recording one (part or all of what is outstanding). */
export function InvoicePayments({ invoice }: { invoice: InvoiceDetailFieldsFragment }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [amount, setAmount] = useState('');
  // The organisation's day, as the server judges "in the future" and "before the invoice date" by it.
  const [paymentDate, setPaymentDate] = useState(() => todayIn(formats.timeZone));
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(RecordPaymentMutation);
  const [, removePayment] = useMutation(RemovePaymentMutation);
  const removal = useAction();
  const canRecord = invoice.viewerCanEdit && invoice.status === 'OPEN';

  async function submit(event: FormEvent, full = false) {
    event.preventDefault();
    const value = full ? invoice.outstandingAmount : formats.parseMoney(amount);
    if (!value) {
      setErrors({ amount: t('errors.amountFormat', { example: formats.moneyInput('1250.5') }) });
      return;
    }
    const result = await record({ input: { invoiceId: invoice.id, amount: value, paymentDate: paymentDate || null, reference: textOrNull(reference) } });
    const outcome = result.data?.recordPayment;
    if (outcome?.__typename === 'RecordPaymentSuccess') {
      setAmount('');
      setReference('');
      setErrors({});
      setMessage(null);
    } else if (outcome?.__typename === 'ValidationError') {
      const placed = serverErrors.place(outcome.fieldErrors, ['amount', 'paymentDate', 'reference']);
      setErrors(placed.byField);
      setMessage(placed.unplaced.join(' ') || null);
    } else {
      setMessage(serverErrors.failure(outcome, result.error, t('billing.detail.actionFailed')));
    }
  }

  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">{t('billing.invoice.payments')}</h2>
      {invoice.payments.length === 0 ? (
        <p className="muted">{t('billing.invoice.noPayments')}</p>
      ) : (
        <table className="table" data-testid="payments">
          <thead>
            <tr>
              <th scope="col">{t('billing.invoice.paymentDate')}</th>
              <th scope="col" className="numeric">{t('billing.invoice.amount')}</th>
              <th scope="col">{t('billing.invoice.reference')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('billing.invoice.removePayment')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.payments.map((payment) => (
              <tr key={payment.id}>
                <td>{formats.day(payment.paymentDate)}</td>
                <td className="numeric">{formats.money(payment.amount)}</td>
                <td>{payment.reference}</td>
                <td>
                  {invoice.viewerCanEdit && invoice.status !== 'CANCELLED' && (
                    <ConfirmButton
                      label={t('billing.invoice.removePayment')}
                      question={t('billing.invoice.removePaymentConfirm')}
                      confirmLabel={t('billing.invoice.removePayment')}
                      busy={removal.busy}
                      onConfirm={() => void removal.run(() => removePayment({ id: payment.id }))}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removal.error && <p className="field__error">{removal.error}</p>}
      {canRecord && (
        <form className="form payment-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('billing.invoice.recordPayment')}>
          {message && (
            <div className="banner banner--error" role="alert">
              {message}
            </div>
          )}
          <div className="form-grid">
            <TextField
              id="payment-amount"
              label={t('billing.invoice.amount')}
              inputMode="numeric"
              value={amount}
              onChange={setAmount}
              error={errors.amount}
              hint={t('billing.invoice.outstandingHint', { amount: formats.money(invoice.outstandingAmount) })}
            />
            <TextField id="payment-date" label={t('billing.invoice.paymentDate')} type="date" value={paymentDate} onChange={setPaymentDate} error={errors.paymentDate} />
            <TextField id="payment-reference" label={t('billing.invoice.reference')} value={reference} onChange={setReference} error={errors.reference} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--secondary" disabled={fetching}>
              {t('billing.invoice.recordPayment')}
            </button>
            <button type="button" className="button button--success" disabled={fetching} onClick={(event) => void submit(event, true)}>
              {t('billing.invoice.payInFull')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
