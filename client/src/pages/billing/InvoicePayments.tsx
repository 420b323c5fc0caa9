import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { TextField } from '../../components/fields.tsx';
import { parseMoneyInput } from '../../components/opportunity/money.ts';
import type { InvoiceDetailFieldsFragment } from '../../gql/graphql.ts';
import { placeFieldErrors, textOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { formatMoney, todayIso } from './billing-format.ts';
import { RecordPaymentMutation, RemovePaymentMutation } from './billing-queries.ts';
import { useAction } from './DocumentParts.tsx';
import { T } from './texts.ts';

/** The payments of an invoice, and recording one (part or all of what is outstanding). */
export function InvoicePayments({ invoice }: { invoice: InvoiceDetailFieldsFragment }) {
  const [amount, setAmount] = useState('');
  const [paymentDate, setPaymentDate] = useState(todayIso());
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, record] = useMutation(RecordPaymentMutation);
  const [, removePayment] = useMutation(RemovePaymentMutation);
  const removal = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const money = (value: string) => formatMoney(value, invoice.currency);
  const canRecord = invoice.viewerCanEdit && invoice.status === 'OPEN';

  async function submit(event: FormEvent, full = false) {
    event.preventDefault();
    const value = full ? invoice.outstandingAmount : parseMoneyInput(amount);
    if (!value) {
      setErrors({ amount: T.invalidNumber });
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
      const placed = placeFieldErrors(outcome.fieldErrors, ['amount', 'paymentDate', 'reference']);
      setErrors(placed.byField);
      setMessage(placed.unplaced.join(' ') || null);
    } else {
      setMessage(outcome && 'message' in outcome ? outcome.message : (result.error?.message ?? T.actionFailed));
    }
  }

  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">{T.invoice.payments}</h2>
      {invoice.payments.length === 0 ? (
        <p className="muted">{T.invoice.noPayments}</p>
      ) : (
        <table className="table" data-testid="payments">
          <thead>
            <tr>
              <th scope="col">{T.invoice.paymentDate}</th>
              <th scope="col" className="numeric">{T.invoice.amount}</th>
              <th scope="col">{T.invoice.reference}</th>
              <th scope="col">
                <span className="visually-hidden">{T.invoice.removePayment}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.payments.map((payment) => (
              <tr key={payment.id}>
                <td>{formatDate(payment.paymentDate)}</td>
                <td className="numeric">{money(payment.amount)}</td>
                <td>{payment.reference}</td>
                <td>
                  {invoice.viewerCanEdit && invoice.status !== 'CANCELLED' && (
                    <ConfirmButton
                      label={T.invoice.removePayment}
                      question={T.invoice.removePaymentConfirm}
                      confirmLabel={T.invoice.removePayment}
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
        <form className="form payment-form" onSubmit={(event) => void submit(event)} noValidate aria-label={T.invoice.recordPayment}>
          {message && (
            <div className="banner banner--error" role="alert">
              {message}
            </div>
          )}
          <div className="form-grid">
            <TextField id="payment-amount" label={T.invoice.amount} inputMode="numeric" value={amount} onChange={setAmount} error={errors.amount} hint={`${T.invoice.outstanding}: ${money(invoice.outstandingAmount)}`} />
            <TextField id="payment-date" label={T.invoice.paymentDate} type="date" value={paymentDate} onChange={setPaymentDate} error={errors.paymentDate} />
            <TextField id="payment-reference" label={T.invoice.reference} value={reference} onChange={setReference} error={errors.reference} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--secondary" disabled={fetching}>
              {T.invoice.recordPayment}
            </button>
            <button type="button" className="button button--success" disabled={fetching} onClick={(event) => void submit(event, true)}>
              {T.invoice.payInFull}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
