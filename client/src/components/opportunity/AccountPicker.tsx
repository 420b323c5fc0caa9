import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';

const AccountPickerQuery = graphql(`
  query AccountPicker($search: String) {
    accounts(search: $search, first: 8, orderBy: { field: NAME }) {
      totalCount
      edges {
        node {
          id
          name
          address {
            city
          }
        }
      }
    }
  }
`);

export interface PickedAccount {
  id: string;
  name: string;
}

interface Props {
  id: string;
  label: string;
  value: PickedAccount | null;
  onChange(account: PickedAccount | null): void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

/**
 * Chooses an account by searching: type a few letters, pick one of the matches. The choice is
 * shown with a "Change" button; the search list is a set of buttons, so it works by keyboard.
 */
export function AccountPicker({ id, label, value, onChange, error, required, disabled }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const [{ data, fetching }] = useQuery({
    query: AccountPickerQuery,
    variables: { search: debounced },
    pause: value !== null || debounced === '',
  });
  const resultsId = useId();
  const errorId = `${id}-error`;
  const matches = debounced === '' ? [] : (data?.accounts.edges ?? []);

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {value ? (
        <div className="account-picker__choice">
          <input
            id={id}
            className="input"
            value={value.name}
            readOnly
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {!disabled && (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                onChange(null);
                setSearch('');
              }}
            >
              {t('opportunity.accountPicker.change')}
            </button>
          )}
        </div>
      ) : (
        <>
          <input
            id={id}
            className="input"
            type="search"
            placeholder={t('opportunity.accountPicker.placeholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            disabled={disabled}
            autoComplete="off"
            aria-controls={resultsId}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <ul id={resultsId} className="account-picker__results" aria-label={t('opportunity.accountPicker.results')} aria-busy={fetching}>
            {matches.map(({ node: account }) => (
              <li key={account.id}>
                <button
                  type="button"
                  className="account-picker__option"
                  onClick={() => onChange({ id: account.id, name: account.name })}
                >
                  {account.name}
                  {account.address.city && <span className="muted"> · {account.address.city}</span>}
                </button>
              </li>
            ))}
            {debounced !== '' && data && matches.length === 0 && <li className="muted">{t('accounts.noMatch', { search: debounced })}</li>}
          </ul>
        </>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
