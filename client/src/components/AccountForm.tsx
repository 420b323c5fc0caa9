import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerFormOptions } from '../hooks/useCustomerFormOptions.ts';
import type { FieldErrors } from '../lib/field-errors.ts';
import { AddressFields, type AddressValues } from './AddressFields.tsx';
import { submittedWithOverride } from './DuplicateNotice.tsx';
import {
  CustomerClassificationFields,
  type ClassificationValues,
  type CurrentOwnership,
} from './CustomerClassificationFields.tsx';
import { TextAreaField, TextField } from './fields.tsx';

export interface AccountFormValues extends ClassificationValues {
  name: string;
  legalForm: string;
  industry: string;
  website: string;
  email: string;
  phone: string;
  employees: string;
  description: string;
  address: AddressValues;
}

/** The API's field paths this form shows, for placing a ValidationError's entries. */
export const ACCOUNT_FORM_FIELDS = [
  'name',
  'legalForm',
  'industry',
  'website',
  'email',
  'phone',
  'employees',
  'description',
  'address.street',
  'address.postalCode',
  'address.city',
  'address.country',
  'statusKey',
  'sourceId',
  'ownerId',
  'teamId',
  'tagIds',
] as const;

interface Props {
  initialValues: AccountFormValues;
  options: CustomerFormOptions;
  current?: CurrentOwnership;
  errors: FieldErrors;
  submitting: boolean;
  submitLabel: string;
  cancelHref: string;
  onSubmit(values: AccountFormValues, options: { allowDuplicate: boolean }): void;
  /** Shown above the fields: error summary, duplicate warning. */
  notices?: ReactNode;
}

export function AccountForm(props: Props) {
  const { initialValues, options, current, errors, submitting, submitLabel, cancelHref, onSubmit, notices } = props;
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const set = (patch: Partial<AccountFormValues>) => setValues((previous) => ({ ...previous, ...patch }));
  const text = (name: keyof AccountFormValues) => ({
    value: values[name] as string,
    onChange: (value: string) => set({ [name]: value }),
    error: errors[name],
  });

  // Take the user to the first field the server rejected.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values, { allowDuplicate: submittedWithOverride(event) });
  }

  return (
    <form ref={form} className="form" onSubmit={handleSubmit} noValidate aria-label={t('accounts.form.label')}>
      {notices}
      <fieldset className="form-section">
        <legend>{t('accounts.form.company')}</legend>
        <div className="form-grid">
          <TextField id="account-name" label={t('accounts.field.name')} required className="field--wide" autoComplete="organization" {...text('name')} />
          <TextField id="account-legal-form" label={t('accounts.field.legalForm')} hint={t('accounts.field.legalFormHint')} {...text('legalForm')} />
          <TextField id="account-industry" label={t('accounts.field.industry')} {...text('industry')} />
          <TextField id="account-employees" label={t('accounts.field.employees')} inputMode="numeric" {...text('employees')} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('customer.contactDetails')}</legend>
        <div className="form-grid">
          <TextField id="account-email" label={t('customer.field.email')} type="email" autoComplete="email" {...text('email')} />
          <TextField id="account-phone" label={t('customer.field.phone')} type="tel" autoComplete="tel" {...text('phone')} />
          <TextField id="account-website" label={t('accounts.field.website')} hint={t('accounts.field.websiteHint')} {...text('website')} />
        </div>
      </fieldset>

      <AddressFields
        idPrefix="account-address"
        values={values.address}
        onChange={(patch) => set({ address: { ...values.address, ...patch } })}
        errors={errors}
      />

      <fieldset className="form-section">
        <legend>{t('customer.classification')}</legend>
        <div className="form-grid">
          <CustomerClassificationFields
            idPrefix="account"
            values={values}
            onChange={set}
            errors={errors}
            options={options}
            current={current}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('customer.notes')}</legend>
        <TextAreaField id="account-description" label={t('accounts.field.description')} rows={5} {...text('description')} />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('common.saving') : submitLabel}
        </button>
        <Link to={cancelHref} className="button button--ghost">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
