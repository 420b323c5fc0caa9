import type { Viewer } from '../../auth/viewer.ts';
import { day, CREATED_UPDATED, linkedAccount, OWNER_TEAM_TAGS, related, text, type ExportCatalog } from './columns.ts';

/** Contact list columns; headers match the import's, so an exported file imports back. */
export const contactColumns = (viewer: Viewer): ExportCatalog => ({
  columns: [
    text('salutation', ['Anrede', 'Salutation']),
    text('title', ['Titel', 'Title']),
    text('firstName', ['Vorname', 'First name']),
    text('lastName', ['Nachname', 'Last name']),
    linkedAccount(viewer),
    text('jobTitle', ['Position', 'Job title']),
    text('department', ['Abteilung', 'Department']),
    text('email', ['E-Mail', 'E-mail']),
    text('phone', ['Telefon', 'Phone']),
    text('mobile', ['Mobil', 'Mobile']),
    text('street', ['Straße', 'Street']),
    text('postalCode', ['PLZ', 'Postal code']),
    text('city', ['Ort', 'City']),
    text('country', ['Land', 'Country']),
    day('birthday', ['Geburtstag', 'Birthday']),
    related('status', ['Status', 'Status'], 'status', 'label'),
    related('source', ['Quelle', 'Source'], 'source'),
    ...OWNER_TEAM_TAGS,
    text('notes', ['Notizen', 'Notes']),
    ...CREATED_UPDATED,
  ],
  defaults: ['salutation', 'firstName', 'lastName', 'account', 'jobTitle', 'email', 'phone', 'city', 'owner'],
});
