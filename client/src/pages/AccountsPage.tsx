import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ExportCsvButton } from '../components/ExportCsvButton.tsx';
import { Pager } from '../components/Pager.tsx';
import { Loading, QueryError } from '../components/QueryStatus.tsx';
import { graphql } from '../gql';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';
import { useViewer } from '../hooks/useViewer.ts';
import { useFormats } from '../i18n/LocaleProvider.tsx';
import { legalFormSuffix } from '../lib/format.ts';
import { paths } from '../lib/paths.ts';

const PAGE_SIZE = 25;

const AccountListQuery = graphql(`
  query AccountList($search: String, $first: Int, $after: String, $last: Int, $before: String, $orderBy: AccountOrder) {
    accounts(search: $search, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          name
          legalForm
          address {
            city
            country
          }
          status {
            key
            label
          }
          owner {
            id
            name
          }
          contacts(first: 0) {
            totalCount
          }
        }
      }
    }
  }
`);

// What the table shows, for the CSV export (server/domain/export/account-columns.ts keys).
const EXPORT_COLUMNS = ['name', 'legalForm', 'city', 'country', 'status', 'owner', 'contacts'];
const ACCOUNT_ORDER = { field: 'NAME' } as const;

// A new or deleted account must show up even when the cached page held no account at all.
const listContext = { additionalTypenames: ['Account'] };

export function AccountsPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { canCreateCustomers } = useViewer();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const after = params.get('after');
  const before = params.get('before');

  // The search box updates the URL (and so the query) once typing pauses; paging starts over.
  // A URL changed from elsewhere (a link, the back button) updates the box instead.
  const [searchInput, setSearchInput] = useState(search);
  const debouncedSearch = useDebouncedValue(searchInput.trim(), 300);
  const searchInUrl = useRef(search);
  useEffect(() => {
    if (search === searchInUrl.current) return;
    searchInUrl.current = search;
    setSearchInput(search);
  }, [search]);
  useEffect(() => {
    if (debouncedSearch === searchInUrl.current) return;
    searchInUrl.current = debouncedSearch;
    setParams(debouncedSearch ? { q: debouncedSearch } : {}, { replace: true });
  }, [debouncedSearch, setParams]);

  const variables = before
    ? { search: search || null, orderBy: ACCOUNT_ORDER, last: PAGE_SIZE, before }
    : { search: search || null, orderBy: ACCOUNT_ORDER, first: PAGE_SIZE, after };
  const [{ data, error, fetching, stale }] = useQuery({
    query: AccountListQuery,
    variables,
    requestPolicy: 'cache-and-network',
    context: listContext,
  });
  const accounts = data?.accounts;

  function goTo(cursor: { after?: string; before?: string }) {
    setParams({ ...(search ? { q: search } : {}), ...cursor });
  }

  return (
    <section aria-labelledby="accounts-title">
      <div className="page-header">
        <h1 id="accounts-title">{t('accounts.title')}</h1>
        <div className="page-header__actions">
          <ExportCsvButton list="accounts" args={{ search: search || null, orderBy: ACCOUNT_ORDER }} columns={EXPORT_COLUMNS} />
          {canCreateCustomers && (
            <Link to={paths.newAccount()} className="button button--primary">
              {t('accounts.new')}
            </Link>
          )}
        </div>
      </div>

      <div className="toolbar">
        <label htmlFor="account-search" className="visually-hidden">
          {t('accounts.searchLabel')}
        </label>
        <input
          id="account-search"
          className="input toolbar__search"
          type="search"
          placeholder={t('accounts.searchPlaceholder')}
          value={searchInput}
          onChange={(event) => setSearchInput(event.target.value)}
        />
        {accounts && (
          <span className="toolbar__count" data-testid="account-count" aria-live="polite">
            {t('accounts.count', { count: accounts.totalCount, formatted: formats.number(accounts.totalCount) })}
          </span>
        )}
        {(fetching || stale) && <span className="spinner" aria-label={t('common.loadingShort')} />}
      </div>

      {error && <QueryError error={error} />}
      {!accounts && fetching && <Loading what={t('accounts.loadingList')} />}

      {accounts && accounts.edges.length === 0 && (
        <p className="empty">{search ? t('accounts.noMatch', { search }) : t('accounts.none')}</p>
      )}

      {accounts && accounts.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards" aria-labelledby="accounts-title">
            <thead>
              <tr>
                <th scope="col">{t('accounts.column.name')}</th>
                <th scope="col">{t('accounts.column.city')}</th>
                <th scope="col">{t('accounts.column.status')}</th>
                <th scope="col">{t('accounts.column.owner')}</th>
                <th scope="col" className="numeric">
                  {t('accounts.column.contacts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.edges.map(({ node: account }) => (
                <tr key={account.id}>
                  <td className="table__card-title">
                    <Link to={paths.account(account.id)} className="table__primary">
                      {account.name}
                    </Link>
                    {legalFormSuffix(account.name, account.legalForm) && (
                      <span className="muted"> {account.legalForm}</span>
                    )}
                  </td>
                  <td data-label={t('accounts.column.city')}>
                    {account.address.city ?? <span className="muted">—</span>}
                    {account.address.city && account.address.country !== 'DE' && (
                      <span className="muted"> ({account.address.country})</span>
                    )}
                  </td>
                  <td data-label={t('accounts.column.status')}>
                    <span className={`status status--${account.status.key.toLowerCase()}`}>{account.status.label}</span>
                  </td>
                  <td data-label={t('accounts.column.owner')}>{account.owner.name}</td>
                  <td className="numeric" data-label={t('accounts.column.contacts')}>
                    {formats.number(account.contacts.totalCount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {accounts && (
        <Pager
          label={t('accounts.pages')}
          pageInfo={accounts.pageInfo}
          onPrevious={(cursor) => goTo({ before: cursor })}
          onNext={(cursor) => goTo({ after: cursor })}
        />
      )}
    </section>
  );
}
