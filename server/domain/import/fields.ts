/**
 * What each column of an import file can be, per kind of record, with the header names that
 * mean it in German and English (from the CRM products in the seeds and common exports). A
 * header is compared without case, spaces, punctuation and umlaut spelling, so "E-Mail-Adresse",
 * "email address" and "EMAILADRESSE" are the same.
 */
export const IMPORT_KINDS = ['ACCOUNTS', 'CONTACTS', 'OPPORTUNITIES'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a cell is read: text as is, numbers and days in either language, references by name. */
export type ValueType =
  | 'text'
  | 'decimal'
  | 'wholeNumber'
  | 'day'
  | 'country'
  | 'user'
  | 'team'
  | 'status'
  | 'source'
  | 'tags'
  | 'pipeline'
  | 'stage'
  | 'priority'
  | 'forecastCategory';

export interface ImportField {
  key: string;
  type: ValueType;
  /** A column must be mapped to it (the rows may still leave single cells empty and get an error). */
  required: boolean;
  label: { de: string; en: string };
  /** Further header names that mean this field. */
  aliases: string[];
}

const field = (key: string, type: ValueType, de: string, en: string, aliases: string[] = [], required = false): ImportField => ({
  key,
  type,
  required,
  label: { de, en },
  aliases,
});

const COMPANY = ['firma', 'firmenname', 'company', 'companyname', 'account', 'accountname', 'organisation', 'organization', 'unternehmen', 'kunde', 'kundenname'];
const EMAIL = ['email', 'mail', 'emailadresse', 'emailaddress', 'mailadresse'];
const PHONE = ['telefon', 'tel', 'telefonnummer', 'phone', 'phonenumber', 'telephone', 'festnetz'];
const POSTAL_CODE = ['plz', 'postleitzahl', 'postalcode', 'postcode', 'zip', 'zipcode'];
const CITY = ['ort', 'stadt', 'city', 'town', 'wohnort'];
const OWNER = ['besitzer', 'verantwortlich', 'verantwortlicher', 'zustaendig', 'betreuer', 'owner', 'accountowner', 'besitzeremail', 'owneremail'];

const customerFields = (notes: 'description' | 'notes') => [
  field('email', 'text', 'E-Mail', 'E-mail', EMAIL),
  field('phone', 'text', 'Telefon', 'Phone', PHONE),
  field('street', 'text', 'Straße', 'Street', ['strasse', 'strassehausnummer', 'street', 'adresse', 'address', 'anschrift']),
  field('postalCode', 'text', 'PLZ', 'Postal code', POSTAL_CODE),
  field('city', 'text', 'Ort', 'City', CITY),
  field('country', 'country', 'Land', 'Country', ['land', 'country', 'laendercode', 'countrycode', 'staat']),
  notes === 'description'
    ? field('description', 'text', 'Beschreibung', 'Description', ['beschreibung', 'description', 'notiz', 'notizen', 'bemerkung', 'bemerkungen', 'kommentar', 'notes'])
    : field('notes', 'text', 'Notizen', 'Notes', ['notizen', 'notiz', 'bemerkung', 'bemerkungen', 'kommentar', 'notes', 'beschreibung']),
  field('status', 'status', 'Status', 'Status', ['status', 'kundenstatus', 'lifecyclestatus']),
  field('source', 'source', 'Quelle', 'Source', ['quelle', 'herkunft', 'source', 'leadsource', 'leadquelle']),
  field('owner', 'user', 'Besitzer', 'Owner', OWNER),
  field('team', 'team', 'Team', 'Team', ['team', 'vertriebsteam', 'salesteam']),
  field('tags', 'tags', 'Tags', 'Tags', ['tags', 'tag', 'schlagworte', 'stichworte', 'labels']),
];

const FIELDS: Record<ImportKind, ImportField[]> = {
  ACCOUNTS: [
    field('name', 'text', 'Firma', 'Company', [...COMPANY, 'name'], true),
    field('legalForm', 'text', 'Rechtsform', 'Legal form', ['rechtsform', 'legalform', 'gesellschaftsform']),
    field('industry', 'text', 'Branche', 'Industry', ['branche', 'industry', 'sector', 'sektor']),
    field('website', 'text', 'Website', 'Website', ['website', 'webseite', 'homepage', 'internet', 'url', 'web', 'internetseite']),
    field('employees', 'wholeNumber', 'Mitarbeiter', 'Employees', ['mitarbeiter', 'mitarbeiterzahl', 'anzahlmitarbeiter', 'employees', 'numberofemployees', 'staff']),
    ...customerFields('description'),
  ],
  CONTACTS: [
    field('salutation', 'text', 'Anrede', 'Salutation', ['anrede', 'salutation']),
    field('title', 'text', 'Titel', 'Title', ['titel', 'title', 'akademischertitel']),
    field('firstName', 'text', 'Vorname', 'First name', ['vorname', 'firstname', 'givenname', 'forename'], true),
    field('lastName', 'text', 'Nachname', 'Last name', ['nachname', 'lastname', 'surname', 'familienname', 'familyname'], true),
    field('jobTitle', 'text', 'Position', 'Job title', ['position', 'funktion', 'jobtitle', 'berufsbezeichnung', 'rolle', 'role']),
    field('department', 'text', 'Abteilung', 'Department', ['abteilung', 'department', 'bereich']),
    field('mobile', 'text', 'Mobil', 'Mobile', ['mobil', 'handy', 'mobiltelefon', 'mobilnummer', 'mobile', 'mobilephone', 'cell', 'cellphone']),
    field('birthday', 'day', 'Geburtstag', 'Birthday', ['geburtstag', 'geburtsdatum', 'birthday', 'dateofbirth', 'birthdate']),
    field('account.name', 'text', 'Firma', 'Company', COMPANY),
    ...customerFields('notes'),
  ],
  OPPORTUNITIES: [
    field('title', 'text', 'Titel', 'Title', ['titel', 'title', 'name', 'opportunity', 'opportunityname', 'vertriebschance', 'verkaufschance', 'deal', 'dealname', 'bezeichnung', 'betreff'], true),
    field('account.name', 'text', 'Firma', 'Company', COMPANY, true),
    field('account.postalCode', 'text', 'PLZ', 'Postal code', POSTAL_CODE),
    field('account.city', 'text', 'Ort', 'City', CITY),
    field('contact.firstName', 'text', 'Vorname', 'First name', ['vorname', 'firstname', 'kontaktvorname', 'contactfirstname']),
    field('contact.lastName', 'text', 'Nachname', 'Last name', ['nachname', 'lastname', 'ansprechpartner', 'kontakt', 'contact', 'contactname', 'contactlastname']),
    field('contact.email', 'text', 'E-Mail', 'E-mail', [...EMAIL, 'kontaktemail', 'contactemail']),
    field('contact.phone', 'text', 'Telefon', 'Phone', PHONE),
    field('amount', 'decimal', 'Betrag', 'Amount', ['betrag', 'amount', 'wert', 'volumen', 'projektvolumen', 'zielwert', 'value', 'dealvalue', 'umsatz', 'budget', 'voraussichtlichesbudget', 'summe']),
    field('probability', 'wholeNumber', 'Wahrscheinlichkeit', 'Probability', ['wahrscheinlichkeit', 'gewinnwahrscheinlichkeit', 'probability', 'chance']),
    field('expectedCloseDate', 'day', 'Abschlussdatum', 'Close date', ['abschlussdatum', 'abschluss', 'erwartetesabschlussdatum', 'closedate', 'expectedclosedate', 'closingdate']),
    field('revenueStartDate', 'day', 'Einnahmestart', 'Revenue start', ['einnahmestart', 'revenuestart', 'revenuestartdate']),
    field('deliveryDate', 'day', 'Liefertermin', 'Delivery date', ['liefertermin', 'lieferdatum', 'deliverydate']),
    field('dealStartDate', 'day', 'Dealstart', 'Deal start', ['dealstart', 'dealstartdate', 'projektstart']),
    field('pipeline', 'pipeline', 'Pipeline', 'Pipeline', ['pipeline', 'vertriebspipeline', 'salespipeline']),
    field('stage', 'stage', 'Phase', 'Stage', ['phase', 'stage', 'vertriebsphase', 'verkaufsphase', 'stufe', 'dealstage', 'pipelineschritt']),
    field('priority', 'priority', 'Priorität', 'Priority', ['prioritaet', 'priority', 'prio']),
    field('source', 'source', 'Quelle', 'Source', ['quelle', 'herkunft', 'source', 'leadsource', 'leadquelle']),
    field('competitor', 'text', 'Wettbewerber', 'Competitor', ['wettbewerber', 'konkurrent', 'competitor']),
    field('nextStep', 'text', 'Nächster Schritt', 'Next step', ['naechsterschritt', 'nextstep']),
    field('forecastCategory', 'forecastCategory', 'Prognose', 'Forecast category', ['prognose', 'prognosekategorie', 'forecast', 'forecastcategory']),
    field('description', 'text', 'Beschreibung', 'Description', ['beschreibung', 'description', 'notizen', 'notiz', 'notes']),
    field('owner', 'user', 'Besitzer', 'Owner', OWNER),
    field('team', 'team', 'Team', 'Team', ['team', 'vertriebsteam', 'salesteam']),
    field('tags', 'tags', 'Tags', 'Tags', ['tags', 'tag', 'schlagworte', 'stichworte', 'labels']),
  ],
};

export function importFields(kind: ImportKind): ImportField[] {
  return FIELDS[kind];
}

export function importField(kind: ImportKind, key: string): ImportField | undefined {
  return FIELDS[kind].find((candidate) => candidate.key === key);
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A header as it is compared: lower case, umlauts spelt out, letters and digits only. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => UMLAUTS[letter])
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

/** Per column the field its header names, or null; each field goes to its first column only. */
export function suggestMapping(kind: ImportKind, headers: string[]): Array<string | null> {
  const byHeader = new Map<string, string>();
  for (const candidate of FIELDS[kind]) {
    for (const name of [candidate.label.de, candidate.label.en, ...candidate.aliases].map(headerKey)) {
      if (!byHeader.has(name)) byHeader.set(name, candidate.key);
    }
  }
  const taken = new Set<string>();
  return headers.map((header) => {
    const key = byHeader.get(headerKey(header));
    if (!key || taken.has(key)) return null;
    taken.add(key);
    return key;
  });
}
