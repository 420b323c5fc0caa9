import { builder } from '../builder.ts';
import type { Letterhead } from '../domain/settings.ts';

export const LetterheadRef = builder.objectRef<Letterhead>('Letterhead').implement({
  description: "The organisation's details printed on quotes, orders and invoices.",
  fields: (t) => ({
    companyName: t.exposeString('companyName', { nullable: true }),
    street: t.exposeString('street', { nullable: true }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    vatId: t.exposeString('vatId', { nullable: true, description: 'USt-IdNr., e.g. DE123456789.' }),
    taxNumber: t.exposeString('taxNumber', { nullable: true, description: 'Steuernummer.' }),
    registerEntry: t.exposeString('registerEntry', { nullable: true, description: 'Court and number, e.g. Amtsgericht Kiel HRB 12345.' }),
    managingDirectors: t.exposeString('managingDirectors', { nullable: true }),
    bankName: t.exposeString('bankName', { nullable: true }),
    iban: t.exposeString('iban', { nullable: true }),
    bic: t.exposeString('bic', { nullable: true }),
  }),
});

export const LetterheadInput = builder.inputType('LetterheadInput', {
  description: 'Replaces the whole letterhead; empty or omitted fields are cleared.',
  fields: (t) => ({
    companyName: t.string(),
    street: t.string(),
    postalCode: t.string(),
    city: t.string(),
    country: t.string(),
    phone: t.string(),
    email: t.string(),
    website: t.string(),
    vatId: t.string(),
    taxNumber: t.string(),
    registerEntry: t.string(),
    managingDirectors: t.string(),
    bankName: t.string(),
    iban: t.string(),
    bic: t.string(),
  }),
});
