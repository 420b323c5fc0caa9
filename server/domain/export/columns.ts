import type { Viewer } from '../../auth/viewer.ts';
import { canReadCustomerRecord } from '../access.ts';
import { formatDay, formatDecimal, formatTimestamp, type CsvLocale } from '../csv/locale-values.ts';

/** A record as the export reads it: scalar fields and the selected relations. */
export type ExportRecord = Record<string, any>;

/** A column of a list export: its header per language, what it reads and how it writes a cell. */
export interface ExportColumn {
  key: string;
  label: { de: string; en: string };
  /** The Prisma selection the cell needs, merged with the other columns'. */
  select: Record<string, unknown>;
  cell: (record: ExportRecord, locale: CsvLocale) => string;
}

export interface ExportCatalog {
  columns: ExportColumn[];
  /** The columns of an export that names none: what the list shows. */
  defaults: string[];
}

type Label = [de: string, en: string];

const column = (key: string, [de, en]: Label, select: Record<string, unknown>, cell: ExportColumn['cell']): ExportColumn => ({
  key,
  label: { de, en },
  select,
  cell,
});

export const text = (key: string, label: Label) => column(key, label, { [key]: true }, (record) => (record[key] ?? '').toString());
export const wholeNumber = (key: string, label: Label) =>
  column(key, label, { [key]: true }, (record) => (record[key] === null || record[key] === undefined ? '' : String(record[key])));
export const decimal = (key: string, label: Label) => column(key, label, { [key]: true }, (record, locale) => formatDecimal(record[key], locale));
export const day = (key: string, label: Label) => column(key, label, { [key]: true }, (record, locale) => formatDay(record[key], locale));
export const timestamp = (key: string, label: Label) =>
  column(key, label, { [key]: true }, (record, locale) => formatTimestamp(record[key], locale));

/** The name (or another field) of a related record without access rules of its own, e.g. the owner's name. */
export const related = (key: string, label: Label, relation: string, field = 'name') =>
  column(key, label, { [relation]: { select: { [field]: true } } }, (record) => record[relation]?.[field] ?? '');

/**
 * A label of a linked account, contact or opportunity, only when the viewer may read that record:
 * a link to another team's record must not leak its name.
 */
export const linked = (
  key: string,
  label: Label,
  relation: string,
  fields: string[],
  canRead: (record: { ownerId: string; teamId: string }) => boolean,
  write: (linkedRecord: ExportRecord) => string,
) =>
  column(
    key,
    label,
    { [relation]: { select: { ownerId: true, teamId: true, ...Object.fromEntries(fields.map((field) => [field, true])) } } },
    (record) => (record[relation] && canRead(record[relation]) ? write(record[relation]) : ''),
  );

/** The linked account's name (header "Firma"/"Company", as the import reads it), empty when the viewer may not read it. */
export const linkedAccount = (viewer: Viewer) =>
  linked('account', ['Firma', 'Company'], 'account', ['name'], (account) => canReadCustomerRecord(viewer, account), (account) => account.name);

/** The linked contact's full name, empty when the viewer may not read it. */
export const linkedContact = (viewer: Viewer) =>
  linked(
    'contact',
    ['Ansprechpartner', 'Contact'],
    'contact',
    ['firstName', 'lastName'],
    (contact) => canReadCustomerRecord(viewer, contact),
    (contact) => `${contact.firstName} ${contact.lastName}`,
  );

/** Tag names, comma separated (the import reads them back). */
export const tags = (label: Label = ['Tags', 'Tags']) =>
  column('tags', label, { tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } } }, (record) =>
    (record.tags as Array<{ tag: { name: string } }>).map((entry) => entry.tag.name).join(', '),
  );

/** A value from a fixed list, in the language of the file (e.g. WON: Gewonnen / Won). */
export const translated = (key: string, label: Label, names: Record<string, Label>) =>
  column(key, label, { [key]: true }, (record, locale) => {
    const value = record[key] as string;
    return names[value]?.[locale === 'de' ? 0 : 1] ?? value;
  });

export const computed = column;

export const OWNER_TEAM_TAGS = [
  related('owner', ['Besitzer', 'Owner'], 'owner'),
  related('ownerEmail', ['Besitzer E-Mail', 'Owner e-mail'], 'owner', 'email'),
  related('team', ['Team', 'Team'], 'team'),
  tags(),
];

export const CREATED_UPDATED = [timestamp('createdAt', ['Angelegt', 'Created']), timestamp('updatedAt', ['Geändert', 'Updated'])];
