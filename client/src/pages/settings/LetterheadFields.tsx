import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/fields.tsx';
import type { LetterheadInput } from '../../gql/graphql.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';

export type LetterheadField = keyof LetterheadInput;
export type LetterheadValues = Record<LetterheadField, string>;

/** The letterhead's fields by group, in the order a printed letterhead reads them. */
export const LETTERHEAD_GROUPS: readonly { legend: 'company' | 'legal' | 'bank'; fields: readonly LetterheadField[] }[] = [
  { legend: 'company', fields: ['companyName', 'street', 'postalCode', 'city', 'country', 'phone', 'email', 'website'] },
  { legend: 'legal', fields: ['vatId', 'taxNumber', 'registerEntry', 'managingDirectors'] },
  { legend: 'bank', fields: ['bankName', 'iban', 'bic'] },
];

export const LETTERHEAD_FIELDS: readonly LetterheadField[] = LETTERHEAD_GROUPS.flatMap((group) => group.fields);

const INPUT_TYPES: Partial<Record<LetterheadField, 'email' | 'tel' | 'url'>> = { email: 'email', phone: 'tel' };
const HINTED: readonly LetterheadField[] = ['vatId', 'registerEntry', 'iban', 'bic'];

interface Props {
  values: LetterheadValues;
  onChange(field: LetterheadField, value: string): void;
  /** By API path: `letterhead.iban`. */
  errors: FieldErrors;
}

/** What quotes and invoices print at the top and bottom: company, legal details, bank account. */
export function LetterheadFields({ values, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {LETTERHEAD_GROUPS.map((group) => (
        <fieldset className="form-section" key={group.legend}>
          <legend>{t(`settings.organisation.letterhead.${group.legend}`)}</legend>
          <div className="form-grid">
            {group.fields.map((field) => (
              <TextField
                key={field}
                id={`letterhead-${field}`}
                label={t(`settings.organisation.letterhead.field.${field}`)}
                type={INPUT_TYPES[field]}
                hint={HINTED.includes(field) ? t(`settings.organisation.letterhead.hint.${field as 'vatId' | 'registerEntry' | 'iban' | 'bic'}`) : undefined}
                value={values[field]}
                onChange={(value) => onChange(field, value)}
                error={errors[`letterhead.${field}`]}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
