import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AccountPicker, type PickedAccount } from '../../components/opportunity/AccountPicker.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import { failureMessage } from '../../components/opportunity/errors.ts';
import { parseMoneyInput } from '../../components/opportunity/money.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { placeFieldErrors, type FieldErrors } from '../../lib/field-errors.ts';
import { CreateOpportunityMutation } from './board-queries.ts';

export interface CreatedOpportunity {
  id: string;
  humanId: string;
  title: string;
  pipeline: { id: string; name: string };
}

interface Props {
  onClose(): void;
  onCreated(opportunity: CreatedOpportunity): void;
}

const FIELDS = ['title', 'accountId', 'amount', 'expectedCloseDate'] as const;

/** A new LEAD: the server puts it into the first lead pipeline, first stage. */
export function NewOpportunityDialog({ onClose, onCreated }: Props) {
  const [title, setTitle] = useState('');
  const [account, setAccount] = useState<PickedAccount | null>(null);
  const [amount, setAmount] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message?: string; details: string[] }>({ details: [] });
  const [{ fetching }, createOpportunity] = useMutation(CreateOpportunityMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsedAmount = parseMoneyInput(amount);
    // The API's own checks answer everything else; these two cannot even be sent.
    const localErrors: FieldErrors = {};
    if (!account) localErrors.accountId = 'Choose the account this opportunity is with.';
    if (parsedAmount === undefined) localErrors.amount = 'Enter an amount like 12500 or 12.500,50.';
    if (!account || parsedAmount === undefined) {
      setErrors(localErrors);
      setSummary({ details: [] });
      return;
    }
    const input = {
      title,
      accountId: account.id,
      ...(parsedAmount !== null ? { amount: parsedAmount } : {}),
      ...(closeDate ? { expectedCloseDate: closeDate } : {}),
    };
    const result = await createOpportunity({ input }, { additionalTypenames: ['Opportunity'] });
    const outcome = result.data?.createOpportunity;
    if (outcome?.__typename === 'CreateOpportunitySuccess') {
      onCreated(outcome.opportunity);
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const { byField, unplaced } = placeFieldErrors(outcome.fieldErrors, FIELDS);
      setErrors(byField);
      setSummary({ message: 'Nothing was saved: please correct the marked fields.', details: unplaced });
      return;
    }
    setErrors({});
    setSummary({ message: failureMessage(outcome, result.error, 'The opportunity could not be created.'), details: [] });
  }

  return (
    <Dialog title="New opportunity" onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label="New opportunity">
        <FormErrorSummary message={summary.message} details={summary.details} />
        <TextField id="new-opportunity-title" label="Title" required value={title} onChange={setTitle} error={errors.title} autoFocus />
        <AccountPicker id="new-opportunity-account" label="Account" required value={account} onChange={setAccount} error={errors.accountId} />
        <div className="form-grid form-grid--compact">
          <TextField
            id="new-opportunity-amount"
            label="Amount (EUR)"
            inputMode="numeric"
            value={amount}
            onChange={setAmount}
            error={errors.amount}
          />
          <TextField
            id="new-opportunity-close"
            label="Expected close"
            type="date"
            value={closeDate}
            onChange={setCloseDate}
            error={errors.expectedCloseDate}
            hint="Six weeks from today when empty"
          />
        </div>
        <p className="field__hint">New opportunities start as leads in the first stage of the first lead pipeline.</p>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            Create opportunity
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
