import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { paths } from '../lib/paths.ts';
import { contactColumns } from './contact-columns.tsx';
import { ListTable } from './ListTable.tsx';
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

/** The people working at an account, with links to their pages and forms (the account page offers "New contact"). */
export function AccountContacts({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
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
  const columns = contactColumns(t);

  return (
    <section className="card" aria-labelledby="contacts-title">
      <div className="section-header">
        <h2 id="contacts-title">
          {t('contacts.title')} {contacts && <span className="count">{contacts.totalCount}</span>}
        </h2>
      </div>
      {error && <QueryError error={error} />}
      {!contacts && fetching && <Loading what={t('contacts.loadingList')} />}
      {contacts && contacts.edges.length === 0 && <p className="empty">{t('contacts.none')}</p>}
      {contacts && contacts.edges.length > 0 && (
        <ListTable
          labelledBy="contacts-title"
          rows={contacts.edges.map((edge) => edge.node)}
          columns={[
            columns.name,
            columns.position,
            columns.email,
            columns.phone,
            {
              label: t('common.actions'),
              labelHidden: true,
              numeric: true,
              cell: (contact) =>
                contact.viewerCanEdit && (
                  <Link to={paths.editContact(contact.id)} aria-label={t('contacts.editNamed', { name: contact.fullName })}>
                    {t('common.edit')}
                  </Link>
                ),
            },
          ]}
        />
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
