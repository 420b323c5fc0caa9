import type { Viewer } from '../../auth/viewer.ts';
import { contactReadWhere } from '../access.ts';
import { computed, CREATED_UPDATED, OWNER_TEAM_TAGS, related, text, wholeNumber, type ExportCatalog } from './columns.ts';

/** Account list columns; headers match the import's, so an exported file imports back. */
export const accountColumns = (viewer: Viewer): ExportCatalog => ({
  columns: [
    text('name', ['Firma', 'Company']),
    text('legalForm', ['Rechtsform', 'Legal form']),
    text('industry', ['Branche', 'Industry']),
    text('website', ['Website', 'Website']),
    text('email', ['E-Mail', 'E-mail']),
    text('phone', ['Telefon', 'Phone']),
    text('street', ['Straße', 'Street']),
    text('postalCode', ['PLZ', 'Postal code']),
    text('city', ['Ort', 'City']),
    text('country', ['Land', 'Country']),
    wholeNumber('employees', ['Mitarbeiter', 'Employees']),
    related('status', ['Status', 'Status'], 'status', 'label'),
    related('source', ['Quelle', 'Source'], 'source'),
    ...OWNER_TEAM_TAGS,
    // Only the contacts the viewer may read, as the list counts them.
    computed('contacts', ['Kontakte', 'Contacts'], { _count: { select: { contacts: { where: contactReadWhere(viewer) } } } }, (record) =>
      String(record._count.contacts),
    ),
    text('description', ['Beschreibung', 'Description']),
    ...CREATED_UPDATED,
  ],
  defaults: ['name', 'legalForm', 'street', 'postalCode', 'city', 'country', 'email', 'phone', 'status', 'owner'],
});
