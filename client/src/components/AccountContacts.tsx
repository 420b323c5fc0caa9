import { useMemo, useState } from 'react';
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
          Contacts {contacts && <span className="count">{contacts.totalCount}</span>}
        </h2>
        {canCreateCustomers && (
          <Link to={paths.newContact(accountId)} className="button button--secondary">
            New contact
          </Link>
        )}
      </div>
      {error && <QueryError error={error} />}
      {!contacts && fetching && <Loading what="contacts" />}
      {contacts && contacts.edges.length === 0 && <p className="empty">No contacts yet.</p>}
      {contacts && contacts.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-labelledby="contacts-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Position</th>
                <th scope="col">E-mail</th>
                <th scope="col">Phone</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {contacts.edges.map(({ node: contact }) => (
                <tr key={contact.id}>
                  <td className="table__primary">{contact.fullName}</td>
                  <td>{[contact.jobTitle, contact.department].filter(Boolean).join(', ') || <span className="muted">—</span>}</td>
                  <td>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : <span className="muted">—</span>}</td>
                  <td>{contact.phone ?? contact.mobile ?? <span className="muted">—</span>}</td>
                  <td className="numeric">
                    {contact.viewerCanEdit && (
                      <Link to={paths.editContact(contact.id)} aria-label={`Edit ${contact.fullName}`}>
                        Edit
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
          label="Contact pages"
          pageInfo={contacts.pageInfo}
          onPrevious={(before) => setCursor({ before })}
          onNext={(after) => setCursor({ after })}
        />
      )}
    </section>
  );
}
