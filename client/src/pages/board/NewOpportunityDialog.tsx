import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AccountPicker, type PickedAccount } from '../../components/opportunity/AccountPicker.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import type { OpportunityKind } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { CreateOpportunityMutation } from './board-queries.ts';

export interface CreatedOpportunity {
  id: string;
  humanId: string;
  title: string;
  pipeline: { id: string; name: string };
}

interface Props {
  /** The board's pipeline: the opportunity starts in its first stage, as a lead or deal like it. */
  pipeline: { id: string; name: string; kind: OpportunityKind };
  onClose(): void;
  onCreated(opportunity: CreatedOpportunity): void;
}

const FIELDS = ['title', 'accountId', 'amount', 'expectedCloseDate'] as const;

/** A new opportunity on the board's pipeline, first stage. */
export function NewOpportunityDialog({ pipeline, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [title, setTitle] = useState('');
  const [account, setAccount] = useState<PickedAccount | null>(null);
  const [amount, setAmount] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message?: string; details: string[] }>({ details: [] });
  const [{ fetching }, createOpportunity] = useMutation(CreateOpportunityMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsedAmount = formats.parseMoney(amount);
    // The API's own checks answer everything else; these two cannot even be sent.
    const localErrors: FieldErrors = {};
    if (!account) localErrors.accountId = t('errors.accountRequired');
    if (parsedAmount === undefined) localErrors.amount = t('errors.amountFormat', { example: formats.moneyInput('12500.5') });
    if (!account || parsedAmount === undefined) {
      setErrors(localErrors);
      setSummary({ details: [] });
      return;
    }
    const input = {
      title,
      accountId: account.id,
      pipelineId: pipeline.id,
      kind: pipeline.kind,
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
      const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, FIELDS);
      setErrors(byField);
      setSummary({ message: t('errors.correctFields'), details: unplaced });
      return;
    }
    setErrors({});
    setSummary({ message: serverErrors.failure(outcome, result.error, t('board.create.failed')), details: [] });
  }

  return (
    <Dialog title={t('board.create.title')} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={t('board.create.title')}>
        <FormErrorSummary message={summary.message} details={summary.details} />
        <TextField id="new-opportunity-title" label={t('opportunity.field.title')} required value={title} onChange={setTitle} error={errors.title} autoFocus />
        <AccountPicker id="new-opportunity-account" label={t('opportunity.field.account')} required value={account} onChange={setAccount} error={errors.accountId} />
        <div className="form-grid form-grid--compact">
          <TextField
            id="new-opportunity-amount"
            label={t('opportunity.amountInCurrency', { currency: formats.currency })}
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            error={errors.amount}
          />
          <TextField
            id="new-opportunity-close"
            label={t('opportunity.field.expectedClose')}
            type="date"
            value={closeDate}
            onChange={setCloseDate}
            error={errors.expectedCloseDate}
            hint={t('board.create.closeHint')}
          />
        </div>
        <p className="field__hint">{t(`board.create.startsIn.${pipeline.kind}`, { pipeline: pipeline.name })}</p>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {t('board.create.submit')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
