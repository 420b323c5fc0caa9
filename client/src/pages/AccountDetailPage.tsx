import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { AccountContacts } from '../components/AccountContacts.tsx';
import { AccountDocuments } from './billing/AccountDocuments.tsx';
import { Loading, QueryError } from '../components/QueryStatus.tsx';
import { TagList } from '../components/TagList.tsx';
import { graphql } from '../gql';
import { displayUrl, formatAddress, formatDateTime, formatNumber, legalFormSuffix } from '../lib/format.ts';
import { paths } from '../lib/paths.ts';

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
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const context = useMemo(() => ({ additionalTypenames: ['Account'] }), []);
  const [{ data, error, fetching }] = useQuery({
    query: AccountDetailQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
    context,
  });
  const [{ fetching: deleting }, deleteAccount] = useMutation(DeleteAccountMutation);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return fetching ? <Loading what="the account" /> : null;
  const account = data.account;
  if (!account) {
    return (
      <div className="empty">
        <p>This account does not exist, or you may not see it.</p>
        <Link to={paths.accounts()}>Back to the accounts</Link>
      </div>
    );
  }

  async function handleDelete() {
    setDeleteError(null);
    // The result names no account, so say which lists are now stale.
    const result = await deleteAccount({ id }, { additionalTypenames: ['Account', 'Contact'] });
    const outcome = result.data?.deleteAccount;
    if (outcome?.__typename === 'DeleteAccountSuccess') navigate(paths.accounts(), { replace: true });
    else if (outcome?.__typename === 'ValidationError') setDeleteError(outcome.message);
    else setDeleteError(result.error?.message ?? 'The account could not be deleted.');
  }

  const addressLines = formatAddress(account.address);
  return (
    <article aria-labelledby="account-title">
      <p className="breadcrumb">
        <Link to={paths.accounts()}>Accounts</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1 id="account-title">
            {account.name}
            {legalFormSuffix(account.name, account.legalForm) && <span className="muted"> {account.legalForm}</span>}
          </h1>
          <span className={`status status--${account.status.key.toLowerCase()}`}>{account.status.label}</span>
        </div>
        {account.viewerCanEdit && (
          <div className="page-header__actions">
            <Link to={paths.editAccount(account.id)} className="button button--secondary">
              Edit
            </Link>
            <ConfirmButton
              label="Delete"
              question={`Delete ${account.name}? Its contacts are kept without account.`}
              confirmLabel="Delete account"
              onConfirm={handleDelete}
              busy={deleting}
            />
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
          <Detail label="Industry">{account.industry}</Detail>
          <Detail label="Employees">{typeof account.employees === 'number' && formatNumber(account.employees)}</Detail>
          <Detail label="Website">
            {account.website && (
              <a href={account.website} target="_blank" rel="noreferrer noopener">
                {displayUrl(account.website)}
              </a>
            )}
          </Detail>
          <Detail label="E-mail">{account.email && <a href={`mailto:${account.email}`}>{account.email}</a>}</Detail>
          <Detail label="Phone">
            {account.phone && <a href={`tel:${account.phone.replace(/[^+\d]/g, '')}`}>{account.phone}</a>}
          </Detail>
          <Detail label="Address">
            {addressLines.length > 0 &&
              addressLines.map((line) => (
                <span key={line} className="details__line">
                  {line}
                </span>
              ))}
          </Detail>
          <Detail label="Source">{account.source?.name}</Detail>
          <Detail label="Owner">{account.owner.name}</Detail>
          <Detail label="Team">{account.team.name}</Detail>
          <Detail label="Tags">{account.tags.length > 0 && <TagList tags={account.tags} />}</Detail>
          <Detail label="Created">{formatDateTime(account.createdAt)}</Detail>
          <Detail label="Updated">{formatDateTime(account.updatedAt)}</Detail>
        </dl>
        {account.description && (
          <div className="details__description">
            <h2 className="details__heading">Description</h2>
            <p>{account.description}</p>
          </div>
        )}
      </div>

      <AccountContacts accountId={account.id} />
      <AccountDocuments accountId={account.id} />
    </article>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__item">
      <dt>{label}</dt>
      <dd>{children || <span className="muted">—</span>}</dd>
    </div>
  );
}
