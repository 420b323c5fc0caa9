import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { paths } from '../lib/paths.ts';
import type { ListColumn } from './ListTable.tsx';

interface ContactRow {
  id: string;
  fullName: string;
  jobTitle?: string | null;
  department?: string | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
}

const none = <span className="muted">—</span>;

/** The columns the contact list and an account's contacts show alike. */
export function contactColumns(t: TFunction) {
  return {
    name: {
      label: t('contacts.column.name'),
      cell: (contact) => (
        <Link to={paths.contact(contact.id)} className="table__primary">
          {contact.fullName}
        </Link>
      ),
    },
    position: { label: t('contacts.column.position'), cell: (contact) => [contact.jobTitle, contact.department].filter(Boolean).join(', ') || none },
    email: { label: t('customer.field.email'), cell: (contact) => (contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : none) },
    phone: { label: t('customer.field.phone'), cell: (contact) => contact.phone ?? contact.mobile ?? none },
  } satisfies Record<string, ListColumn<ContactRow>>;
}
