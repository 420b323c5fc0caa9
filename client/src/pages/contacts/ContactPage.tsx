import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Detail } from '../../components/Detail.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { TagList } from '../../components/TagList.tsx';
import { graphql } from '../../gql';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { formatAddress } from '../../lib/format.ts';
import { paths } from '../../lib/paths.ts';
import { RecordSections } from '../records/RecordSections.tsx';
import { ContactAccount } from './ContactAccount.tsx';

const ContactDetailQuery = graphql(`
  query ContactDetail($id: ID!) {
    contact(id: $id) {
      id
      salutation
      fullName
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
      accountId
      account {
        id
        name
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

/** `/contacts/:id`: a person's data, their account, and tabs of their timeline, opportunities, activities and documents. */
export function ContactPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { id = '' } = useParams();
  const { canCreateCustomers } = useViewer();
  // The tab counts change with the contact's opportunities, activities and documents.
  const context = useMemo(() => ({ additionalTypenames: ['Contact', 'Opportunity', 'Activity', 'Quote', 'Order', 'Invoice'] }), []);
  const [{ data, error, fetching }] = useQuery({ query: ContactDetailQuery, variables: { id }, requestPolicy: 'cache-and-network', context });
  const subject = useMemo(() => ({ contactId: id }), [id]);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return fetching ? <Loading what={t('contacts.loadingOne')} /> : null;
  const contact = data.contact;
  if (!contact) {
    return (
      <div className="empty">
        <p>{t('contacts.missing')}</p>
        <Link to={paths.contacts()}>{t('contacts.backToList')}</Link>
      </div>
    );
  }

  const addressLines = formatAddress(contact.address);
  const position = [contact.jobTitle, contact.department].filter(Boolean).join(', ');
  return (
    <article aria-labelledby="contact-title">
      <p className="breadcrumb">
        <Link to={paths.contacts()}>{t('contacts.title')}</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1 id="contact-title">
            {contact.salutation && <span className="muted">{contact.salutation} </span>}
            {contact.fullName}
          </h1>
          <p className="record-details__account">
            {position && <>{position} · </>}
            <ContactAccount contact={contact} />
          </p>
          <span className={`status status--${contact.status.key.toLowerCase()}`}>{contact.status.label}</span>
        </div>
        {contact.viewerCanEdit && (
          <div className="page-header__actions">
            <Link to={paths.editContact(contact.id)} className="button button--secondary">
              {t('common.edit')}
            </Link>
          </div>
        )}
      </div>

      <div className="card">
        <dl className="details">
          <Detail label={t('customer.field.email')}>{contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}</Detail>
          <Detail label={t('customer.field.phone')}>{contact.phone && <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>}</Detail>
          <Detail label={t('contacts.field.mobile')}>{contact.mobile && <a href={`tel:${contact.mobile.replace(/[^+\d]/g, '')}`}>{contact.mobile}</a>}</Detail>
          <Detail label={t('customer.field.address')}>
            {addressLines.length > 0 &&
              addressLines.map((line) => (
                <span key={line} className="details__line">
                  {line}
                </span>
              ))}
          </Detail>
          <Detail label={t('contacts.field.birthday')}>{contact.birthday && formats.day(contact.birthday)}</Detail>
          <Detail label={t('customer.field.source')}>{contact.source?.name}</Detail>
          <Detail label={t('customer.field.owner')}>{contact.owner.name}</Detail>
          <Detail label={t('customer.field.team')}>{contact.team.name}</Detail>
          <Detail label={t('customer.field.tags')}>{contact.tags.length > 0 && <TagList tags={contact.tags} />}</Detail>
          <Detail label={t('common.created')}>{formats.dateTime(contact.createdAt)}</Detail>
          <Detail label={t('common.updated')}>{formats.dateTime(contact.updatedAt)}</Detail>
        </dl>
        {contact.notes && (
          <div className="details__description">
            <h2 className="details__heading">{t('customer.notes')}</h2>
            <p className="pre-wrap">{contact.notes}</p>
          </div>
        )}
      </div>

      {/* A new document goes to the contact's account (as a document always does); the contact is chosen in its form. */}
      <RecordSections subject={subject} counts={contact.counts} documentAccountId={canCreateCustomers && contact.account ? contact.account.id : null} />
    </article>
  );
}
