import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { Detail } from '../components/Detail.tsx';
import { AccountContacts } from '../components/AccountContacts.tsx';
import { Loading, QueryError } from '../components/QueryStatus.tsx';
import { TagList } from '../components/TagList.tsx';
import { graphql } from '../gql';
import { useFormats } from '../i18n/LocaleProvider.tsx';
import { useViewer } from '../hooks/useViewer.ts';
import { useServerErrors } from '../i18n/useServerErrors.ts';
import { displayUrl, formatAddress, legalFormSuffix } from '../lib/format.ts';
import { paths } from '../lib/paths.ts';
import { RecordSections } from './records/RecordSections.tsx';

const AccountDetailQuery = graphql(`
  query AccountDetail($id: ID!) {
    account(id: $id) {
      id
      name
      legalForm
      industry
      website
      email
      phone
      employees
      description
      address {
        street
        postalCode
        city
        country
      }
      status {
        key
        label
      }
      source {
        id
        name
      }
      owner {
        id
        name
      }
      team {
        id
        name
      }
      tags {
        id
        name
        color
      }
      viewerCanEdit
      createdAt
      updatedAt
      counts {
        ...RecordCountsFields
      }
    }
  }
`);

const DeleteAccountMutation = graphql(`
  mutation DeleteAccount($id: ID!) {
    deleteAccount(id: $id) {
      __typename
      ... on DeleteAccountSuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export function AccountDetailPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { canCreateCustomers } = useViewer();
  // The tab counts change with the account's contacts, opportunities, activities and documents.
  const context = useMemo(() => ({ additionalTypenames: ['Account', 'Contact', 'Opportunity', 'Activity', 'Quote', 'Order', 'Invoice'] }), []);
  const [{ data, error, fetching }] = useQuery({
    query: AccountDetailQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
    context,
  });
  const [{ fetching: deleting }, deleteAccount] = useMutation(DeleteAccountMutation);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const subject = useMemo(() => ({ accountId: id }), [id]);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return fetching ? <Loading what={t('accounts.loadingOne')} /> : null;
  const account = data.account;
  if (!account) {
    return (
      <div className="empty">
        <p>{t('accounts.missing')}</p>
        <Link to={paths.accounts()}>{t('accounts.backToList')}</Link>
      </div>
    );
  }

  async function handleDelete() {
    setDeleteError(null);
    // The result names no account, so say which lists are now stale.
    const result = await deleteAccount({ id }, { additionalTypenames: ['Account', 'Contact'] });
    const outcome = result.data?.deleteAccount;
    if (outcome?.__typename === 'DeleteAccountSuccess') navigate(paths.accounts(), { replace: true });
    else setDeleteError(serverErrors.failure(outcome, result.error, t('accounts.deleteFailed')));
  }

  const addressLines = formatAddress(account.address);
  return (
    <article aria-labelledby="account-title">
      <p className="breadcrumb">
        <Link to={paths.accounts()}>{t('accounts.title')}</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1 id="account-title">
            {account.name}
            {legalFormSuffix(account.name, account.legalForm) && <span className="muted"> {account.legalForm}</span>}
          </h1>
          <span className={`status status--${account.status.key.toLowerCase()}`}>{account.status.label}</span>
        </div>
        {(account.viewerCanEdit || canCreateCustomers) && (
          <div className="page-header__actions">
            {canCreateCustomers && (
              <Link to={paths.newContact(account.id)} className="button button--secondary">
                {t('contacts.new')}
              </Link>
            )}
            {account.viewerCanEdit && (
              <Link to={paths.editAccount(account.id)} className="button button--secondary">
                {t('common.edit')}
              </Link>
            )}
            {account.viewerCanEdit && (
              <ConfirmButton
                label={t('common.delete')}
                question={t('accounts.deleteQuestion', { name: account.name })}
                confirmLabel={t('accounts.deleteConfirm')}
                onConfirm={handleDelete}
                busy={deleting}
              />
            )}
          </div>
        )}
      </div>
      {deleteError && (
        <div className="banner banner--error" role="alert">
          {deleteError}
        </div>
      )}

      <div className="card">
        <dl className="details">
          <Detail label={t('accounts.field.industry')}>{account.industry}</Detail>
          <Detail label={t('accounts.field.employees')}>{typeof account.employees === 'number' && formats.number(account.employees)}</Detail>
          <Detail label={t('accounts.field.website')}>
            {account.website && (
              <a href={account.website} target="_blank" rel="noreferrer noopener">
                {displayUrl(account.website)}
              </a>
            )}
          </Detail>
          <Detail label={t('customer.field.email')}>{account.email && <a href={`mailto:${account.email}`}>{account.email}</a>}</Detail>
          <Detail label={t('customer.field.phone')}>
            {account.phone && <a href={`tel:${account.phone.replace(/[^+\d]/g, '')}`}>{account.phone}</a>}
          </Detail>
          <Detail label={t('customer.field.address')}>
            {addressLines.length > 0 &&
              addressLines.map((line) => (
                <span key={line} className="details__line">
                  {line}
                </span>
              ))}
          </Detail>
          <Detail label={t('customer.field.source')}>{account.source?.name}</Detail>
          <Detail label={t('customer.field.owner')}>{account.owner.name}</Detail>
          <Detail label={t('customer.field.team')}>{account.team.name}</Detail>
          <Detail label={t('customer.field.tags')}>{account.tags.length > 0 && <TagList tags={account.tags} />}</Detail>
          <Detail label={t('common.created')}>{formats.dateTime(account.createdAt)}</Detail>
          <Detail label={t('common.updated')}>{formats.dateTime(account.updatedAt)}</Detail>
        </dl>
        {account.description && (
          <div className="details__description">
            <h2 className="details__heading">{t('accounts.field.description')}</h2>
            <p>{account.description}</p>
          </div>
        )}
      </div>

      <RecordSections
        subject={subject}
        counts={account.counts}
        contacts={<AccountContacts accountId={account.id} />}
        documentAccountId={canCreateCustomers ? account.id : null}
      />
    </article>
  );
}
