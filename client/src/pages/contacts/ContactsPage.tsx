import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { contactColumns } from '../../components/contact-columns.tsx';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { SearchableList } from '../../components/SearchableList.tsx';
import { graphql } from '../../gql';
import { useUrlSearch } from '../../hooks/useUrlSearch.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { ContactAccount } from './ContactAccount.tsx';

const PAGE_SIZE = 25;

const ContactListQuery = graphql(`
  query ContactList($search: String, $orderBy: ContactOrder, $first: Int, $after: String, $last: Int, $before: String) {
    contacts(search: $search, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
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
          fullName
          jobTitle
          department
          email
          phone
          mobile
          address {
            city
          }
          accountId
          account {
            id
            name
          }
          owner {
            id
            name
          }
        }
      }
    }
  }
`);

const listContext = { additionalTypenames: ['Contact'] };
const CONTACT_ORDER = { field: 'LAST_NAME' } as const;
/** The table's columns as the export's keys: name, account, position, e-mail, phones, city, owner. */
const EXPORT_COLUMNS = ['firstName', 'lastName', 'account', 'jobTitle', 'department', 'email', 'phone', 'mobile', 'city', 'owner'];

/** `/contacts`: every person the user may read, by last name, searchable; the search is in the URL. */
export function ContactsPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const search = useUrlSearch();
  const args = { search: search.search || null, orderBy: CONTACT_ORDER };
  const [result] = useQuery({ query: ContactListQuery, variables: { ...args, ...search.page(PAGE_SIZE) }, requestPolicy: 'cache-and-network', context: listContext });

  const columns = contactColumns(t);
  const none = <span className="muted">—</span>;
  return (
    <SearchableList
      id="contacts"
      title={t('contacts.title')}
      actions={<ExportCsvButton list="contacts" args={args} columns={EXPORT_COLUMNS} />}
      search={search}
      searchLabel={t('contacts.searchLabel')}
      searchPlaceholder={t('contacts.searchPlaceholder')}
      searchMaxLength={200}
      list={result.data?.contacts}
      result={result}
      count={(count) => t('contacts.count', { count, formatted: formats.number(count) })}
      countTestId="contact-count"
      loading={t('contacts.loadingList')}
      empty={search.search ? t('contacts.noMatch', { search: search.search }) : t('contacts.noneAtAll')}
      pagesLabel={t('contacts.pages')}
      columns={[
        columns.name,
        { label: t('contacts.column.account'), cell: (contact) => <ContactAccount contact={contact} /> },
        columns.position,
        columns.email,
        columns.phone,
        { label: t('contacts.column.city'), cell: (contact) => contact.address.city ?? none },
        { label: t('customer.field.owner'), cell: (contact) => contact.owner.name },
      ]}
    />
  );
}
