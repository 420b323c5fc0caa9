import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../lib/field-errors.ts';
import { TextField } from './fields.tsx';

export interface AddressValues {
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export const ADDRESS_FIELDS = ['address.street', 'address.postalCode', 'address.city', 'address.country'] as const;

interface Props {
  idPrefix: string;
  values: AddressValues;
  onChange(values: Partial<AddressValues>): void;
  /** Keyed by the API's paths, e.g. `address.postalCode`. */
  errors: FieldErrors;
}

export function AddressFields({ idPrefix, values, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t('customer.field.address')}</legend>
      <div className="form-grid">
        <TextField
          id={`${idPrefix}-street`}
          label={t('customer.address.street')}
          className="field--wide"
          value={values.street}
          onChange={(street) => onChange({ street })}
          autoComplete="street-address"
          error={errors['address.street']}
        />
        <TextField
          id={`${idPrefix}-postal-code`}
          label={t('customer.address.postalCode')}
          value={values.postalCode}
          onChange={(postalCode) => onChange({ postalCode })}
          autoComplete="postal-code"
          error={errors['address.postalCode']}
        />
        <TextField
          id={`${idPrefix}-city`}
          label={t('customer.address.city')}
          value={values.city}
          onChange={(city) => onChange({ city })}
          autoComplete="address-level2"
          error={errors['address.city']}
        />
        <TextField
          id={`${idPrefix}-country`}
          label={t('customer.address.country')}
          hint={t('customer.address.countryHint')}
          value={values.country}
          onChange={(country) => onChange({ country: country.toUpperCase() })}
          maxLength={2}
          autoComplete="country"
          error={errors['address.country']}
        />
      </div>
    </fieldset>
  );
}

export function addressInput(values: AddressValues) {
  const blank = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    street: blank(values.street),
    postalCode: blank(values.postalCode),
    city: blank(values.city),
    // The country is required by the database; blank leaves it as it is (DE for new records).
    country: blank(values.country),
  };
}
