import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExportCsvButton } from '../components/ExportCsvButton.tsx';
import { SearchableList } from '../components/SearchableList.tsx';
import { graphql } from '../gql';
import { useUrlSearch } from '../hooks/useUrlSearch.ts';
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
  const search = useUrlSearch();
  const args = { search: search.search || null, orderBy: ACCOUNT_ORDER };
  const [result] = useQuery({ query: AccountListQuery, variables: { ...args, ...search.page(PAGE_SIZE) }, requestPolicy: 'cache-and-network', context: listContext });

  return (
    <SearchableList
      id="accounts"
      title={t('accounts.title')}
      actions={
        <>
          <ExportCsvButton list="accounts" args={args} columns={EXPORT_COLUMNS} />
          {canCreateCustomers && (
            <Link to={paths.newAccount()} className="button button--primary">
              {t('accounts.new')}
            </Link>
          )}
        </>
      }
      search={search}
      searchLabel={t('accounts.searchLabel')}
      searchPlaceholder={t('accounts.searchPlaceholder')}
      list={result.data?.accounts}
      result={result}
      count={(count) => t('accounts.count', { count, formatted: formats.number(count) })}
      countTestId="account-count"
      loading={t('accounts.loadingList')}
      empty={search.search ? t('accounts.noMatch', { search: search.search }) : t('accounts.none')}
      pagesLabel={t('accounts.pages')}
      columns={[
        {
          label: t('accounts.column.name'),
          cell: (account) => (
            <>
              <Link to={paths.account(account.id)} className="table__primary">
                {account.name}
              </Link>
              {legalFormSuffix(account.name, account.legalForm) && <span className="muted"> {account.legalForm}</span>}
            </>
          ),
        },
        {
          label: t('accounts.column.city'),
          cell: (account) => (
            <>
              {account.address.city ?? <span className="muted">—</span>}
              {account.address.city && account.address.country !== 'DE' && <span className="muted"> ({account.address.country})</span>}
            </>
          ),
        },
        {
          label: t('accounts.column.status'),
          cell: (account) => <span className={`status status--${account.status.key.toLowerCase()}`}>{account.status.label}</span>,
        },
        { label: t('accounts.column.owner'), cell: (account) => account.owner.name },
        { label: t('accounts.column.contacts'), numeric: true, cell: (account) => formats.number(account.contacts.totalCount) },
      ]}
    />
  );
}
