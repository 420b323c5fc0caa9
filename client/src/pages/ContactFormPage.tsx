import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { addressInput } from '../components/AddressFields.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { CONTACT_FORM_FIELDS, ContactForm, type ContactFormValues } from '../components/ContactForm.tsx';
import { DuplicateNotice } from '../components/DuplicateNotice.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { Loading, QueryError } from '../components/QueryStatus.tsx';
import { graphql } from '../gql';
import type {
  ContactEditQuery as ContactEditData,
  DuplicateContactFieldsFragment,
} from '../gql/graphql.ts';
import { useCustomerFormOptions, type CustomerFormOptions } from '../hooks/useCustomerFormOptions.ts';
import { useViewer } from '../hooks/useViewer.ts';
import { duplicateText } from '../i18n/server-errors.ts';
import { useServerErrors } from '../i18n/useServerErrors.ts';
import { textOrNull, type FieldErrors } from '../lib/field-errors.ts';
import { paths } from '../lib/paths.ts';

const ContactEditQuery = graphql(`
  query ContactEdit($id: ID!) {
    contact(id: $id) {
      id
      fullName
      salutation
      title
      firstName
      lastName
      jobTitle
      department
      email
      phone
      mobile
      birthday
      notes
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
      account {
        id
        name
      }
      viewerCanEdit
    }
  }
`);

const ContactAccountQuery = graphql(`
  query ContactAccount($id: ID!) {
    account(id: $id) {
      id
      name
      address {
        country
      }
    }
  }
`);

const CreateContactMutation = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      __typename
      ... on CreateContactSuccess {
        contact {
          id
          account {
            id
          }
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on DuplicateContactError {
        ...DuplicateContactFields
      }
    }
  }
`);

const UpdateContactMutation = graphql(`
  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
    updateContact(id: $id, input: $input) {
      __typename
      ... on UpdateContactSuccess {
        contact {
          id
          account {
            id
          }
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
      ... on DuplicateContactError {
        ...DuplicateContactFields
      }
    }
  }
`);

const DeleteContactMutation = graphql(`
  mutation DeleteContact($id: ID!) {
    deleteContact(id: $id) {
      __typename
      ... on DeleteContactSuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

interface Feedback {
  errors: FieldErrors;
  message?: string;
  unplaced: string[];
  duplicate?: DuplicateContactFieldsFragment;
}

const noFeedback: Feedback = { errors: {}, unplaced: [] };

/** New contact of an account (`/accounts/:accountId/contacts/new`) or changes to one (`/contacts/:id/edit`). */
export function ContactFormPage() {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const { id, accountId } = useParams();
  const navigate = useNavigate();
  const { options, error: optionsError } = useCustomerFormOptions();
  const { viewer, canCreateCustomers } = useViewer();
  const [{ data: editData, error: editError }] = useQuery({
    query: ContactEditQuery,
    variables: { id: id ?? '' },
    pause: id === undefined,
    requestPolicy: 'network-only',
  });
  const [{ data: accountData, error: accountError }] = useQuery({
    query: ContactAccountQuery,
    variables: { id: accountId ?? '' },
    pause: accountId === undefined,
  });
  const [{ fetching: creating }, createContact] = useMutation(CreateContactMutation);
  const [{ fetching: updating }, updateContact] = useMutation(UpdateContactMutation);
  const [{ fetching: deleting }, deleteContact] = useMutation(DeleteContactMutation);
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);

  const error = optionsError ?? editError ?? accountError;
  if (error && !options) return <QueryError error={error} />;
  if (!options || (id && !editData) || (accountId && !accountData)) return <Loading what={t('common.theForm')} />;

  const contact = editData?.contact;
  const account = contact ? contact.account : accountData?.account;
  if ((id && !contact) || (accountId && !account)) {
    return (
      <div className="empty">
        <p>{id ? t('contacts.missing') : t('accounts.missing')}</p>
        <Link to={paths.accounts()}>{t('accounts.backToList')}</Link>
      </div>
    );
  }
  const backHref = account ? paths.account(account.id) : paths.accounts();
  if (!id && viewer && !canCreateCustomers) {
    return (
      <div className="empty">
        <p>{t('contacts.mayNotCreate')}</p>
        <Link to={backHref}>{t('common.back')}</Link>
      </div>
    );
  }
  if (contact && !contact.viewerCanEdit) {
    return (
      <div className="empty">
        <p>{t('contacts.mayNotChange')}</p>
        <Link to={backHref}>{t('common.back')}</Link>
      </div>
    );
  }

  async function handleSubmit(values: ContactFormValues, { allowDuplicate }: { allowDuplicate: boolean }) {
    const fields = {
      salutation: textOrNull(values.salutation),
      title: textOrNull(values.title),
      jobTitle: textOrNull(values.jobTitle),
      department: textOrNull(values.department),
      email: textOrNull(values.email),
      phone: textOrNull(values.phone),
      mobile: textOrNull(values.mobile),
      birthday: textOrNull(values.birthday),
      notes: textOrNull(values.notes),
      address: addressInput(values.address),
      statusKey: values.statusKey || null,
      sourceId: values.sourceId || null,
      ownerId: values.ownerId || null,
      teamId: values.teamId || null,
      tagIds: values.tagIds,
      allowDuplicate,
    };
    const result = id
      ? await updateContact({ id, input: { ...fields, firstName: values.firstName, lastName: values.lastName } })
      : await createContact({
          input: { ...fields, firstName: values.firstName, lastName: values.lastName, accountId: accountId ?? null },
        });
    const outcome = result.data && ('updateContact' in result.data ? result.data.updateContact : result.data.createContact);
    switch (outcome?.__typename) {
      case 'CreateContactSuccess':
      case 'UpdateContactSuccess': {
        const saved = outcome.contact.account;
        navigate(saved ? paths.account(saved.id) : paths.accounts(), { replace: !id });
        return;
      }
      case 'ValidationError': {
        const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, CONTACT_FORM_FIELDS);
        setFeedback({ errors: byField, unplaced, message: t('errors.correctFields') });
        return;
      }
      case 'DuplicateContactError':
        setFeedback({ ...noFeedback, duplicate: outcome });
        return;
      default:
        setFeedback({ ...noFeedback, message: serverErrors.failure(null, result.error, t('contacts.saveFailed')) });
    }
  }

  async function handleDelete() {
    if (!id) return;
    const result = await deleteContact({ id }, { additionalTypenames: ['Contact'] });
    const outcome = result.data?.deleteContact;
    if (outcome?.__typename === 'DeleteContactSuccess') navigate(backHref, { replace: true });
    else setFeedback({ ...noFeedback, message: serverErrors.failure(outcome, result.error, t('contacts.deleteFailed')) });
  }

  const notices = (
    <>
      <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
      {feedback.duplicate && (
        <DuplicateNotice
          message={duplicateText(t, feedback.duplicate.matchedOn, feedback.duplicate.message)}
          existing={feedback.duplicate.existing.map((existing) => ({
            id: existing.id,
            label: existing.fullName,
            href: paths.editContact(existing.id),
            detail: [existing.email, existing.account?.name].filter(Boolean).join(' · '),
          }))}
          overrideLabel={contact ? t('customer.duplicate.saveAnyway') : t('customer.duplicate.createAnyway')}
          busy={creating || updating}
        />
      )}
    </>
  );

  return (
    <section aria-labelledby="contact-form-title">
      <p className="breadcrumb">
        <Link to={paths.accounts()}>{t('accounts.title')}</Link> /{' '}
        {account && (
          <>
            <Link to={paths.account(account.id)}>{account.name}</Link> /
          </>
        )}
      </p>
      <div className="page-header">
        <h1 id="contact-form-title">{contact ? t('common.editNamed', { name: contact.fullName }) : account ? t('contacts.newAt', { account: account.name }) : t('contacts.new')}</h1>
        {contact && (
          <div className="page-header__actions">
            <ConfirmButton
              label={t('common.delete')}
              question={t('contacts.deleteQuestion', { name: contact.fullName })}
              confirmLabel={t('contacts.deleteConfirm')}
              onConfirm={handleDelete}
              busy={deleting}
            />
          </div>
        )}
      </div>
      <ContactForm
        initialValues={contact ? valuesOf(contact) : emptyValues(options, accountData?.account?.address.country)}
        options={options}
        current={contact ? { owner: contact.owner, sourceId: contact.source?.id ?? '', team: contact.team } : undefined}
        automaticTeamLabel={contact ? undefined : t('customer.choice.accountsTeam')}
        errors={feedback.errors}
        notices={notices}
        submitting={creating || updating}
        submitLabel={contact ? t('common.saveChanges') : t('contacts.create')}
        cancelHref={backHref}
        onSubmit={handleSubmit}
      />
    </section>
  );
}

function emptyValues(options: CustomerFormOptions, country = 'DE'): ContactFormValues {
  const statusKey = options.lifecycleStatuses.some((status) => status.key === 'PROSPECT')
    ? 'PROSPECT'
    : (options.lifecycleStatuses[0]?.key ?? '');
  return {
    salutation: '',
    title: '',
    firstName: '',
    lastName: '',
    jobTitle: '',
    department: '',
    email: '',
    phone: '',
    mobile: '',
    birthday: '',
    notes: '',
    address: { street: '', postalCode: '', city: '', country },
    statusKey,
    sourceId: '',
    ownerId: options.me?.id ?? '',
    teamId: '',
    tagIds: [],
  };
}

function valuesOf(contact: NonNullable<ContactEditData['contact']>): ContactFormValues {
  return {
    salutation: contact.salutation ?? '',
    title: contact.title ?? '',
    firstName: contact.firstName,
    lastName: contact.lastName,
    jobTitle: contact.jobTitle ?? '',
    department: contact.department ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    mobile: contact.mobile ?? '',
    birthday: contact.birthday ?? '',
    notes: contact.notes ?? '',
    address: {
      street: contact.address.street ?? '',
      postalCode: contact.address.postalCode ?? '',
      city: contact.address.city ?? '',
      country: contact.address.country,
    },
    statusKey: contact.status.key,
    sourceId: contact.source?.id ?? '',
    ownerId: contact.owner.id,
    teamId: contact.team.id,
    tagIds: contact.tags.map((tag) => tag.id),
  };
}
