import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerFormOptions } from '../hooks/useCustomerFormOptions.ts';
import type { FieldErrors } from '../lib/field-errors.ts';
import { AddressFields, type AddressValues } from './AddressFields.tsx';
import {
  CustomerClassificationFields,
  type ClassificationValues,
  type CurrentOwnership,
} from './CustomerClassificationFields.tsx';
import { submittedWithOverride } from './DuplicateNotice.tsx';
import { TextAreaField, TextField } from './fields.tsx';

export interface ContactFormValues extends ClassificationValues {
  salutation: string;
  title: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  department: string;
  email: string;
  phone: string;
  mobile: string;
  birthday: string;
  notes: string;
  address: AddressValues;
}

/** The API's field paths this form shows, for placing a ValidationError's entries. */
export const CONTACT_FORM_FIELDS = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'jobTitle',
  'department',
  'email',
  'phone',
  'mobile',
  'birthday',
  'notes',
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
  initialValues: ContactFormValues;
  options: CustomerFormOptions;
  current?: CurrentOwnership;
  automaticTeamLabel?: string;
  errors: FieldErrors;
  submitting: boolean;
  submitLabel: string;
  cancelHref: string;
  onSubmit(values: ContactFormValues, options: { allowDuplicate: boolean }): void;
  notices?: ReactNode;
}

export function ContactForm(props: Props) {
  const { initialValues, options, current, automaticTeamLabel, errors, submitting, submitLabel, cancelHref, onSubmit, notices } = props;
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const set = (patch: Partial<ContactFormValues>) => setValues((previous) => ({ ...previous, ...patch }));
  const text = (name: keyof ContactFormValues) => ({
    value: values[name] as string,
    onChange: (value: string) => set({ [name]: value }),
    error: errors[name],
  });

  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values, { allowDuplicate: submittedWithOverride(event) });
  }

  return (
    <form ref={form} className="form" onSubmit={handleSubmit} noValidate aria-label={t('contacts.form.label')}>
      {notices}
      <fieldset className="form-section">
        <legend>{t('contacts.form.person')}</legend>
        <div className="form-grid">
          <TextField
            id="contact-salutation"
            label={t('contacts.field.salutation')}
            hint={t('contacts.field.salutationHint')}
            autoComplete="honorific-prefix"
            {...text('salutation')}
          />
          <TextField id="contact-title" label={t('contacts.field.title')} hint={t('contacts.field.titleHint')} {...text('title')} />
          <TextField id="contact-first-name" label={t('contacts.field.firstName')} required autoComplete="given-name" {...text('firstName')} />
          <TextField id="contact-last-name" label={t('contacts.field.lastName')} required autoComplete="family-name" {...text('lastName')} />
          <TextField id="contact-job-title" label={t('contacts.field.jobTitle')} autoComplete="organization-title" {...text('jobTitle')} />
          <TextField id="contact-department" label={t('contacts.field.department')} {...text('department')} />
          <TextField id="contact-birthday" label={t('contacts.field.birthday')} type="date" {...text('birthday')} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('customer.contactDetails')}</legend>
        <div className="form-grid">
          <TextField id="contact-email" label={t('customer.field.email')} type="email" autoComplete="email" {...text('email')} />
          <TextField id="contact-phone" label={t('customer.field.phone')} type="tel" autoComplete="tel" {...text('phone')} />
          <TextField id="contact-mobile" label={t('contacts.field.mobile')} type="tel" autoComplete="tel" {...text('mobile')} />
        </div>
      </fieldset>

      <AddressFields
        idPrefix="contact-address"
        values={values.address}
        onChange={(patch) => set({ address: { ...values.address, ...patch } })}
        errors={errors}
      />

      <fieldset className="form-section">
        <legend>{t('customer.classification')}</legend>
        <div className="form-grid">
          <CustomerClassificationFields
            idPrefix="contact"
            values={values}
            onChange={set}
            errors={errors}
            options={options}
            current={current}
            automaticTeamLabel={automaticTeamLabel}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('customer.notes')}</legend>
        <TextAreaField id="contact-notes" label={t('customer.notes')} rows={4} {...text('notes')} />
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
