import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { AccountPicker, type PickedAccount } from '../../components/opportunity/AccountPicker.tsx';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import type { FieldErrors } from '../../lib/field-errors.ts';
import type { DocumentKind } from './billing-labels.ts';
import { DocumentLinesEditor, type LineRow, type ProductOption } from './DocumentLinesEditor.tsx';

export interface DocumentFormValues {
  title: string;
  account: PickedAccount | null;
  contactId: string;
  validUntil: string;
  introText: string;
  closingText: string;
  orderDate: string;
  plannedDeliveryDate: string;
  customerReference: string;
  notes: string;
  serviceDate: string;
  paymentTermDays: string;
  lines: LineRow[];
}

export const EMPTY_FORM: DocumentFormValues = {
  title: '',
  account: null,
  contactId: '',
  validUntil: '',
  introText: '',
  closingText: '',
  orderDate: '',
  plannedDeliveryDate: '',
  customerReference: '',
  notes: '',
  serviceDate: '',
  paymentTermDays: '14',
  lines: [],
};

/** The API's field paths each form shows, for placing a ValidationError's entries. */
export const FORM_FIELDS: Record<DocumentKind, readonly string[]> = {
  QUOTE: ['title', 'accountId', 'contactId', 'validUntil', 'introText', 'closingText', 'lines'],
  ORDER: ['title', 'accountId', 'contactId', 'orderDate', 'plannedDeliveryDate', 'customerReference', 'notes', 'lines'],
  INVOICE: ['title', 'accountId', 'contactId', 'serviceDate', 'paymentTermDays', 'notes', 'lines'],
};

interface Props {
  kind: DocumentKind;
  values: DocumentFormValues;
  onChange(patch: Partial<DocumentFormValues>): void;
  errors: FieldErrors;
  /** The account is given by what the document is made of. */
  accountFixed: boolean;
  /** Lines come from the quote or order it is made of. */
  linesFixed: boolean;
  contacts: ReadonlyArray<{ id: string; firstName: string; lastName: string }>;
  products: readonly ProductOption[];
}

export function DocumentFormFields({ kind, values, onChange, errors, accountFixed, linesFixed, contacts, products }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const text = (name: 'title' | 'validUntil' | 'introText' | 'closingText' | 'orderDate' | 'plannedDeliveryDate' | 'customerReference' | 'notes' | 'serviceDate' | 'paymentTermDays') => ({
    value: values[name],
    onChange: (value: string) => onChange({ [name]: value }),
    error: errors[name],
  });
  // Line errors are shown at their cells; one about the lines as a whole at the table.
  const lineErrors = Object.fromEntries(Object.entries(errors).filter(([field]) => field.startsWith('lines.')));
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('billing.form.title')}</legend>
        <div className="form-grid">
          <TextField id="document-title" label={t('billing.form.title')} required className="field--wide" {...text('title')} />
          {accountFixed ? (
            <p className="field">
              <span className="field__label">{t('billing.form.account')}</span>
              <span>{values.account?.name}</span>
            </p>
          ) : (
            <AccountPicker id="document-account" label={t('billing.form.account')} required value={values.account} onChange={(account) => onChange({ account, contactId: '' })} error={errors.accountId} />
          )}
          <SelectField
            id="document-contact"
            label={t('billing.detail.contact')}
            value={values.contactId}
            onChange={(contactId) => onChange({ contactId })}
            error={errors.contactId}
            options={[{ value: '', label: t('billing.form.none') }, ...contacts.map((contact) => ({ value: contact.id, label: `${contact.firstName} ${contact.lastName}` }))]}
          />
          {kind === 'QUOTE' && <TextField id="document-valid-until" label={t('billing.quote.validUntil')} type="date" {...text('validUntil')} />}
          {kind === 'ORDER' && (
            <>
              <TextField id="document-order-date" label={t('billing.order.orderDate')} type="date" {...text('orderDate')} />
              <TextField id="document-planned-delivery" label={t('billing.order.plannedDeliveryDate')} type="date" {...text('plannedDeliveryDate')} />
              <TextField id="document-customer-reference" label={t('billing.order.customerReference')} {...text('customerReference')} />
            </>
          )}
          {kind === 'INVOICE' && (
            <>
              <TextField id="document-service-date" label={t('billing.invoice.serviceDate')} type="date" {...text('serviceDate')} />
              <TextField id="document-payment-term" label={t('billing.invoice.paymentTermDays')} inputMode="numeric" {...text('paymentTermDays')} />
            </>
          )}
        </div>
      </fieldset>
      {!linesFixed && (
        <fieldset className="form-section">
          <legend>{t('billing.detail.lines')}</legend>
          {errors.lines && <p className="field__error">{errors.lines}</p>}
          <DocumentLinesEditor rows={values.lines} products={products} errors={lineErrors} formats={formats} onChange={(lines) => onChange({ lines })} />
        </fieldset>
      )}
      <fieldset className="form-section">
        <legend>{kind === 'QUOTE' ? t('billing.quote.introText') : t('billing.order.notes')}</legend>
        {kind === 'QUOTE' ? (
          <>
            <TextAreaField id="document-intro" label={t('billing.quote.introText')} rows={3} {...text('introText')} />
            <TextAreaField id="document-closing" label={t('billing.quote.closingText')} rows={3} {...text('closingText')} />
          </>
        ) : (
          <TextAreaField id="document-notes" label={t('billing.order.notes')} rows={3} {...text('notes')} />
        )}
      </fieldset>
    </>
  );
}
