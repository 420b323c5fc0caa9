import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { graphql } from '../../gql';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { paths } from '../../lib/paths.ts';
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
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const after = params.get('after');
  const before = params.get('before');

  // As on the account list: the box writes to the URL once typing pauses, and follows the URL.
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
    ? { search: search || null, orderBy: CONTACT_ORDER, last: PAGE_SIZE, before }
    : { search: search || null, orderBy: CONTACT_ORDER, first: PAGE_SIZE, after };
  const [{ data, error, fetching, stale }] = useQuery({ query: ContactListQuery, variables, requestPolicy: 'cache-and-network', context: listContext });
  const contacts = data?.contacts;

  function goTo(cursor: { after?: string; before?: string }) {
    setParams({ ...(search ? { q: search } : {}), ...cursor });
  }

  const none = <span className="muted">—</span>;
  return (
    <section aria-labelledby="contacts-title">
      <div className="page-header">
        <h1 id="contacts-title">{t('contacts.title')}</h1>
        <div className="page-header__actions">
          <ExportCsvButton list="contacts" args={{ search: search || null, orderBy: CONTACT_ORDER }} columns={EXPORT_COLUMNS} />
        </div>
      </div>

      <div className="toolbar">
        <label htmlFor="contact-search" className="visually-hidden">
          {t('contacts.searchLabel')}
        </label>
        <input
          id="contact-search"
          className="input toolbar__search"
          type="search"
          placeholder={t('contacts.searchPlaceholder')}
          value={searchInput}
          maxLength={200}
          onChange={(event) => setSearchInput(event.target.value)}
        />
        {contacts && (
          <span className="toolbar__count" data-testid="contact-count" aria-live="polite">
            {t('contacts.count', { count: contacts.totalCount, formatted: formats.number(contacts.totalCount) })}
          </span>
        )}
        {(fetching || stale) && <span className="spinner" aria-label={t('common.loadingShort')} />}
      </div>

      {error && <QueryError error={error} />}
      {!contacts && fetching && <Loading what={t('contacts.loadingList')} />}
      {contacts && contacts.edges.length === 0 && <p className="empty">{search ? t('contacts.noMatch', { search }) : t('contacts.noneAtAll')}</p>}
      {contacts && contacts.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards" aria-labelledby="contacts-title">
            <thead>
              <tr>
                <th scope="col">{t('contacts.column.name')}</th>
                <th scope="col">{t('contacts.column.account')}</th>
                <th scope="col">{t('contacts.column.position')}</th>
                <th scope="col">{t('customer.field.email')}</th>
                <th scope="col">{t('customer.field.phone')}</th>
                <th scope="col">{t('contacts.column.city')}</th>
                <th scope="col">{t('customer.field.owner')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.edges.map(({ node: contact }) => (
                <tr key={contact.id}>
                  <td className="table__card-title">
                    <Link to={paths.contact(contact.id)} className="table__primary">
                      {contact.fullName}
                    </Link>
                  </td>
                  <td data-label={t('contacts.column.account')}>
                    <ContactAccount contact={contact} />
                  </td>
                  <td data-label={t('contacts.column.position')}>{[contact.jobTitle, contact.department].filter(Boolean).join(', ') || none}</td>
                  <td data-label={t('customer.field.email')}>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : none}</td>
                  <td data-label={t('customer.field.phone')}>{contact.phone ?? contact.mobile ?? none}</td>
                  <td data-label={t('contacts.column.city')}>{contact.address.city ?? none}</td>
                  <td data-label={t('customer.field.owner')}>{contact.owner.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {contacts && (
        <Pager label={t('contacts.pages')} pageInfo={contacts.pageInfo} onPrevious={(cursor) => goTo({ before: cursor })} onNext={(cursor) => goTo({ after: cursor })} />
      )}
    </section>
  );
}
