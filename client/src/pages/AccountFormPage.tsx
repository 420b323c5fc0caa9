import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ACCOUNT_FORM_FIELDS, AccountForm, type AccountFormValues } from '../components/AccountForm.tsx';
import { addressInput } from '../components/AddressFields.tsx';
import { DuplicateNotice } from '../components/DuplicateNotice.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { Loading, QueryError } from '../components/QueryStatus.tsx';
import { graphql } from '../gql';
import type {
  AccountEditQuery as AccountEditData,
  DuplicateAccountFieldsFragment,
} from '../gql/graphql.ts';
import { useCustomerFormOptions, type CustomerFormOptions } from '../hooks/useCustomerFormOptions.ts';
import { useViewer } from '../hooks/useViewer.ts';
import { duplicateText } from '../i18n/server-errors.ts';
import { useServerErrors } from '../i18n/useServerErrors.ts';
import { textOrNull, wholeNumberOrNull, type FieldErrors } from '../lib/field-errors.ts';
import { paths } from '../lib/paths.ts';

const AccountEditQuery = graphql(`
  query AccountEdit($id: ID!) {
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
      }
      source {
        id
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
      }
      viewerCanEdit
    }
  }
`);

const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      __typename
      ... on CreateAccountSuccess {
        account {
          id
          name
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on DuplicateAccountError {
        ...DuplicateAccountFields
      }
    }
  }
`);

const UpdateAccountMutation = graphql(`
  mutation UpdateAccount($id: ID!, $input: UpdateAccountInput!) {
    updateAccount(id: $id, input: $input) {
      __typename
      ... on UpdateAccountSuccess {
        account {
          id
          name
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on DuplicateAccountError {
        ...DuplicateAccountFields
      }
    }
  }
`);

interface Feedback {
  errors: FieldErrors;
  message?: string;
  unplaced: string[];
  duplicate?: DuplicateAccountFieldsFragment;
}

const noFeedback: Feedback = { errors: {}, unplaced: [] };

/** New account (`/accounts/new`) or changes to one (`/accounts/:id/edit`). */
export function AccountFormPage() {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const { id } = useParams();
  const editing = id !== undefined;
  const navigate = useNavigate();
  const { options, error: optionsError } = useCustomerFormOptions();
  const { viewer, canCreateCustomers } = useViewer();
  const [{ data: editData, error: editError }] = useQuery({
    query: AccountEditQuery,
    variables: { id: id ?? '' },
    pause: !editing,
    requestPolicy: 'network-only',
  });
  const [{ fetching: creating }, createAccount] = useMutation(CreateAccountMutation);
  const [{ fetching: updating }, updateAccount] = useMutation(UpdateAccountMutation);
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);

  const error = optionsError ?? editError;
  if (error && !options) return <QueryError error={error} />;
  if (!options || (editing && !editData)) return <Loading what={t('common.theForm')} />;

  const account = editData?.account;
  if (!editing && viewer && !canCreateCustomers) {
    return (
      <div className="empty">
        <p>{t('accounts.mayNotCreate')}</p>
        <Link to={paths.accounts()}>{t('accounts.backToList')}</Link>
      </div>
    );
  }
  if (editing && !account) {
    return (
      <div className="empty">
        <p>{t('accounts.missing')}</p>
        <Link to={paths.accounts()}>{t('accounts.backToList')}</Link>
      </div>
    );
  }
  if (account && !account.viewerCanEdit) {
    return (
      <div className="empty">
        <p>{t('accounts.mayNotChange')}</p>
        <Link to={paths.account(account.id)}>{t('common.backTo', { name: account.name })}</Link>
      </div>
    );
  }

  async function handleSubmit(values: AccountFormValues, { allowDuplicate }: { allowDuplicate: boolean }) {
    const employees = wholeNumberOrNull(values.employees);
    if (employees === undefined) {
      setFeedback({ errors: { employees: t('errors.wholeNumber') }, unplaced: [] });
      return;
    }
    const input = {
      name: values.name,
      legalForm: textOrNull(values.legalForm),
      industry: textOrNull(values.industry),
      website: textOrNull(values.website),
      email: textOrNull(values.email),
      phone: textOrNull(values.phone),
      employees,
      description: textOrNull(values.description),
      address: addressInput(values.address),
      statusKey: values.statusKey || null,
      sourceId: values.sourceId || null,
      ownerId: values.ownerId || null,
      teamId: values.teamId || null,
      tagIds: values.tagIds,
      allowDuplicate,
    };
    const result = id ? await updateAccount({ id, input }) : await createAccount({ input });
    const outcome = result.data && ('updateAccount' in result.data ? result.data.updateAccount : result.data.createAccount);
    switch (outcome?.__typename) {
      case 'CreateAccountSuccess':
        navigate(paths.account(outcome.account.id), { replace: true });
        return;
      case 'UpdateAccountSuccess':
        navigate(paths.account(outcome.account.id));
        return;
      case 'ValidationError': {
        const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, ACCOUNT_FORM_FIELDS);
        setFeedback({ errors: byField, unplaced, message: t('errors.correctFields') });
        return;
      }
      case 'DuplicateAccountError':
        setFeedback({ ...noFeedback, duplicate: outcome });
        return;
      default:
        setFeedback({ ...noFeedback, message: serverErrors.failure(null, result.error, t('accounts.saveFailed')) });
    }
  }

  const notices = (
    <>
      <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
      {feedback.duplicate && (
        <DuplicateNotice
          message={duplicateText(t, feedback.duplicate.matchedOn, feedback.duplicate.message)}
          existing={feedback.duplicate.existing.map((existing) => ({
            id: existing.id,
            label: existing.name,
            href: paths.account(existing.id),
            detail: [existing.address.postalCode, existing.address.city, existing.email, existing.owner.name]
              .filter(Boolean)
              .join(' · '),
          }))}
          overrideLabel={editing ? t('customer.duplicate.saveAnyway') : t('customer.duplicate.createAnyway')}
          busy={creating || updating}
        />
      )}
    </>
  );

  return (
    <section aria-labelledby="account-form-title">
      <p className="breadcrumb">
        <Link to={paths.accounts()}>{t('accounts.title')}</Link> /{' '}
        {account && (
          <>
            <Link to={paths.account(account.id)}>{account.name}</Link> /
          </>
        )}
      </p>
      <h1 id="account-form-title">{account ? t('common.editNamed', { name: account.name }) : t('accounts.new')}</h1>
      <AccountForm
        initialValues={account ? valuesOf(account) : emptyValues(options)}
        options={options}
        current={
          account ? { owner: account.owner, sourceId: account.source?.id ?? '', team: account.team } : undefined
        }
        errors={feedback.errors}
        notices={notices}
        submitting={creating || updating}
        submitLabel={account ? t('common.saveChanges') : t('accounts.create')}
        cancelHref={account ? paths.account(account.id) : paths.accounts()}
        onSubmit={handleSubmit}
      />
    </section>
  );
}

function emptyValues(options: CustomerFormOptions): AccountFormValues {
  const statusKey = options.lifecycleStatuses.some((status) => status.key === 'PROSPECT')
    ? 'PROSPECT'
    : (options.lifecycleStatuses[0]?.key ?? '');
  return {
    name: '',
    legalForm: '',
    industry: '',
    website: '',
    email: '',
    phone: '',
    employees: '',
    description: '',
    address: { street: '', postalCode: '', city: '', country: 'DE' },
    statusKey,
    sourceId: '',
    ownerId: options.me?.id ?? '',
    teamId: '',
    tagIds: [],
  };
}

function valuesOf(account: NonNullable<AccountEditData['account']>): AccountFormValues {
  return {
    name: account.name,
    legalForm: account.legalForm ?? '',
    industry: account.industry ?? '',
    website: account.website ?? '',
    email: account.email ?? '',
    phone: account.phone ?? '',
    employees: account.employees === null || account.employees === undefined ? '' : String(account.employees),
    description: account.description ?? '',
    address: {
      street: account.address.street ?? '',
      postalCode: account.address.postalCode ?? '',
      city: account.address.city ?? '',
      country: account.address.country,
    },
    statusKey: account.status.key,
    sourceId: account.source?.id ?? '',
    ownerId: account.owner.id,
    teamId: account.team.id,
    tagIds: account.tags.map((tag) => tag.id),
  };
}
