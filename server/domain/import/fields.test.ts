import { describe, expect, it } from 'vitest';
import { headerKey, IMPORT_KINDS, importFields, suggestMapping } from './fields.ts';

describe('headerKey', () => {
  it('ignores case, spacing, punctuation and umlaut spelling', () => {
    expect(headerKey('E-Mail-Adresse')).toBe('emailadresse');
    expect(headerKey(' Straße ')).toBe(headerKey('STRASSE'));
    expect(headerKey('Priorität')).toBe('prioritaet');
    expect(headerKey('Postal code')).toBe('postalcode');
  });
});

describe('suggestMapping', () => {
  it('maps German and English account headers', () => {
    expect(suggestMapping('ACCOUNTS', ['Firma', 'PLZ', 'Ort', 'E-Mail', 'Telefon', 'Website', 'Mitarbeiter', 'Quelle', 'Besitzer'])).toEqual([
      'name', 'postalCode', 'city', 'email', 'phone', 'website', 'employees', 'source', 'owner',
    ]);
    expect(suggestMapping('ACCOUNTS', ['Account name', 'Postal code', 'City', 'Email address', 'Industry', 'Country'])).toEqual([
      'name', 'postalCode', 'city', 'email', 'industry', 'country',
    ]);
    expect(suggestMapping('ACCOUNTS', ['Firmenname', 'Company'])).toEqual(['name', null]);
  });

  it('maps contact headers, with the company as the account to link', () => {
    expect(suggestMapping('CONTACTS', ['Anrede', 'Vorname', 'Nachname', 'Firma', 'Handy', 'Geburtsdatum', 'Unbekannt'])).toEqual([
      'salutation', 'firstName', 'lastName', 'account.name', 'mobile', 'birthday', null,
    ]);
    expect(suggestMapping('CONTACTS', ['First Name', 'Last Name', 'Company', 'Job title'])).toEqual(['firstName', 'lastName', 'account.name', 'jobTitle']);
  });

  it('maps opportunity headers: amount, close date, stage, and the account and contact columns', () => {
    expect(
      suggestMapping('OPPORTUNITIES', ['Titel', 'Firmenname', 'PLZ', 'Ansprechpartner', 'E-Mail', 'Betrag', 'Abschlussdatum', 'Phase', 'Wahrscheinlichkeit', 'Nächster Schritt']),
    ).toEqual(['title', 'account.name', 'account.postalCode', 'contact.lastName', 'contact.email', 'amount', 'expectedCloseDate', 'stage', 'probability', 'nextStep']);
    expect(suggestMapping('OPPORTUNITIES', ['Opportunity name', 'Account name', 'Amount', 'Close date', 'Stage', 'Owner'])).toEqual([
      'title', 'account.name', 'amount', 'expectedCloseDate', 'stage', 'owner',
    ]);
  });

  it('recognises its own labels in both languages, so an export maps back without help', () => {
    for (const kind of IMPORT_KINDS) {
      const fields = importFields(kind);
      for (const language of ['de', 'en'] as const) {
        const mapped = suggestMapping(kind, fields.map((field) => field.label[language]));
        expect(mapped).toEqual(fields.map((field) => field.key));
      }
    }
  });
});
