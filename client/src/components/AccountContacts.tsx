import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useViewer } from '../hooks/useViewer.ts';
import { paths } from '../lib/paths.ts';
import { Pager } from './Pager.tsx';
import { Loading, QueryError } from './QueryStatus.tsx';

const PAGE_SIZE = 20;

const AccountContactsQuery = graphql(`
  query AccountContacts($accountId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    contacts(
      accountId: $accountId
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: { field: LAST_NAME }
    ) {
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
          viewerCanEdit
        }
      }
    }
  }
`);

/** The people working at an account, with links to add and edit them. */
export function AccountContacts({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { canCreateCustomers } = useViewer();
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const variables = cursor.before
    ? { accountId, last: PAGE_SIZE, before: cursor.before }
    : { accountId, first: PAGE_SIZE, after: cursor.after ?? null };
  // A first contact must appear although the cached (empty) list named no Contact.
  const context = useMemo(() => ({ additionalTypenames: ['Contact'] }), []);
  const [{ data, error, fetching }] = useQuery({
    query: AccountContactsQuery,
    variables,
    requestPolicy: 'cache-and-network',
    context,
  });
  const contacts = data?.contacts;

  return (
    <section className="card" aria-labelledby="contacts-title">
      <div className="section-header">
        <h2 id="contacts-title">
          {t('contacts.title')} {contacts && <span className="count">{contacts.totalCount}</span>}
        </h2>
        {canCreateCustomers && (
          <Link to={paths.newContact(accountId)} className="button button--secondary">
            {t('contacts.new')}
          </Link>
        )}
      </div>
      {error && <QueryError error={error} />}
      {!contacts && fetching && <Loading what={t('contacts.loadingList')} />}
      {contacts && contacts.edges.length === 0 && <p className="empty">{t('contacts.none')}</p>}
      {contacts && contacts.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards" aria-labelledby="contacts-title">
            <thead>
              <tr>
                <th scope="col">{t('contacts.column.name')}</th>
                <th scope="col">{t('contacts.column.position')}</th>
                <th scope="col">{t('customer.field.email')}</th>
                <th scope="col">{t('customer.field.phone')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {contacts.edges.map(({ node: contact }) => (
                <tr key={contact.id}>
                  <td className="table__primary table__card-title">{contact.fullName}</td>
                  <td data-label={t('contacts.column.position')}>{[contact.jobTitle, contact.department].filter(Boolean).join(', ') || <span className="muted">—</span>}</td>
                  <td data-label={t('customer.field.email')}>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : <span className="muted">—</span>}</td>
                  <td data-label={t('customer.field.phone')}>{contact.phone ?? contact.mobile ?? <span className="muted">—</span>}</td>
                  <td className="numeric">
                    {contact.viewerCanEdit && (
                      <Link to={paths.editContact(contact.id)} aria-label={t('contacts.editNamed', { name: contact.fullName })}>
                        {t('common.edit')}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {contacts && (
        <Pager
          label={t('contacts.pages')}
          pageInfo={contacts.pageInfo}
          onPrevious={(before) => setCursor({ before })}
          onNext={(after) => setCursor({ after })}
        />
      )}
    </section>
  );
}
