import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
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
    <form ref={form} className="form" onSubmit={handleSubmit} noValidate aria-label="Contact">
      {notices}
      <fieldset className="form-section">
        <legend>Person</legend>
        <div className="form-grid">
          <TextField
            id="contact-salutation"
            label="Salutation"
            hint="e.g. Frau, Herr"
            autoComplete="honorific-prefix"
            {...text('salutation')}
          />
          <TextField id="contact-title" label="Academic title" hint="e.g. Dr." {...text('title')} />
          <TextField id="contact-first-name" label="First name" required autoComplete="given-name" {...text('firstName')} />
          <TextField id="contact-last-name" label="Last name" required autoComplete="family-name" {...text('lastName')} />
          <TextField id="contact-job-title" label="Job title" autoComplete="organization-title" {...text('jobTitle')} />
          <TextField id="contact-department" label="Department" {...text('department')} />
          <TextField id="contact-birthday" label="Birthday" type="date" {...text('birthday')} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Contact details</legend>
        <div className="form-grid">
          <TextField id="contact-email" label="E-mail" type="email" autoComplete="email" {...text('email')} />
          <TextField id="contact-phone" label="Phone" type="tel" autoComplete="tel" {...text('phone')} />
          <TextField id="contact-mobile" label="Mobile" type="tel" autoComplete="tel" {...text('mobile')} />
        </div>
      </fieldset>

      <AddressFields
        idPrefix="contact-address"
        values={values.address}
        onChange={(patch) => set({ address: { ...values.address, ...patch } })}
        errors={errors}
      />

      <fieldset className="form-section">
        <legend>Classification</legend>
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
        <legend>Notes</legend>
        <TextAreaField id="contact-notes" label="Notes" rows={4} {...text('notes')} />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Saving…' : submitLabel}
        </button>
        <Link to={cancelHref} className="button button--ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
