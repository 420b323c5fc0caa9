import { builder } from '../builder.ts';

export interface AddressShape {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
}

export const Address = builder.objectRef<AddressShape>('Address').implement({
  fields: (t) => ({
    street: t.exposeString('street', { nullable: true }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    country: t.exposeString('country', { description: 'ISO 3166-1 alpha-2 code, e.g. DE.' }),
  }),
});

export const AddressInput = builder.inputType('AddressInput', {
  description: 'Omitted fields stay as they are; null clears a field.',
  fields: (t) => ({
    street: t.string({ required: false }),
    postalCode: t.string({ required: false }),
    city: t.string({ required: false }),
    country: t.string({ required: false }),
  }),
});
