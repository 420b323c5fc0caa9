import { isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { OrganisationSettings, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { adminChange } from './admin-edit.ts';
import { committed, emit } from './events.ts';
import { omittable, optionalEmail, optionalPhone, optionalPostalCode, optionalText, optionalWebsite } from './validation.ts';

/** Organisation-wide settings: one row (id 1), created by the migration. */
const SETTINGS_ID = 1;

/** domain.md: an open opportunity without activity for this many days is flagged ("deals without activity"). */
export const DEFAULT_STALE_AFTER_DAYS = 14;

type Reader = PrismaClient | Prisma.TransactionClient;

const LETTERHEAD_FIELDS = [
  'companyName',
  'street',
  'postalCode',
  'city',
  'country',
  'phone',
  'email',
  'website',
  'vatId',
  'taxNumber',
  'registerEntry',
  'managingDirectors',
  'bankName',
  'iban',
  'bic',
] as const;

export type Letterhead = Pick<OrganisationSettings, (typeof LETTERHEAD_FIELDS)[number]>;

const DEFAULT_SETTINGS: Omit<OrganisationSettings, 'id' | 'updatedAt'> = {
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  ...(Object.fromEntries(LETTERHEAD_FIELDS.map((field) => [field, null])) as Letterhead),
};

export async function getOrganisationSettings(prisma: Reader): Promise<OrganisationSettings> {
  const settings = await prisma.organisationSettings.findUnique({ where: { id: SETTINGS_ID } });
  return settings ?? { id: SETTINGS_ID, ...DEFAULT_SETTINGS, updatedAt: new Date(0) };
}

export function letterheadOf(settings: OrganisationSettings): Letterhead {
  return Object.fromEntries(LETTERHEAD_FIELDS.map((field) => [field, settings[field]])) as Letterhead;
}

export async function getStaleAfterDays(prisma: Reader): Promise<number> {
  return (await getOrganisationSettings(prisma)).staleAfterDays;
}

const cachedStaleAfterDays = new WeakMap<PrismaClient, Promise<number>>();

/**
 * The stale rule, read from the database once per client and kept: every board, list and card
 * asks for it, and it changes a few times a year. `updateOrganisationSettings` forgets it at once
 * and emits SETTINGS_CHANGED, on which every instance forgets its own (`forgetCachedSettings`).
 */
export function staleAfterDaysCached(prisma: PrismaClient): Promise<number> {
  let value = cachedStaleAfterDays.get(prisma);
  if (!value) {
    value = getStaleAfterDays(prisma);
    cachedStaleAfterDays.set(prisma, value);
    // A failed read is not kept: the next request asks again.
    value.catch(() => cachedStaleAfterDays.delete(prisma));
  }
  return value;
}

export function forgetCachedSettings(prisma: PrismaClient) {
  cachedStaleAfterDays.delete(prisma);
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

const compact = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value);

const letterheadInput = z.object({
  companyName: optionalText(200),
  street: optionalText(200),
  postalCode: optionalPostalCode,
  city: optionalText(120),
  country: optionalText(120),
  phone: optionalPhone,
  email: optionalEmail,
  website: optionalWebsite,
  vatId: z.preprocess(compact, optionalText(20)).refine((value) => !value || /^[A-Z]{2}[A-Z0-9]{2,13}$/.test(value), {
    message: 'Enter a VAT id like DE123456789.',
    params: { reason: 'INVALID_FORMAT' },
  }),
  taxNumber: optionalText(30),
  registerEntry: optionalText(120),
  managingDirectors: optionalText(200),
  bankName: optionalText(120),
  iban: z.preprocess(compact, optionalText(34)).refine((value) => !value || isValidIBAN(value), {
    message: 'Enter a valid IBAN, like DE89 3704 0044 0532 0130 00.',
    params: { reason: 'INVALID_IBAN' },
  }),
  bic: z.preprocess(compact, optionalText(11)).refine((value) => !value || isValidBIC(value), {
    message: 'Enter a BIC of 8 or 11 characters, like COBADEFFXXX.',
    params: { reason: 'INVALID_FORMAT' },
  }),
});

const updateSettingsInput = z.object({
  staleAfterDays: omittable(z.number().int('Enter a whole number of days.').min(1, 'At least 1 day.').max(365, 'At most 365 days.')),
  currency: omittable(
    z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => CURRENCIES.has(code), { message: 'Use an ISO 4217 currency code, like EUR.', params: { reason: 'INVALID_VALUE' } }),
  ),
  timeZone: omittable(
    z
      .string()
      .trim()
      .refine((zone) => TIME_ZONES.has(zone), { message: 'Use a time zone like Europe/Berlin.', params: { reason: 'INVALID_VALUE' } }),
  ),
  /** Replaces the whole letterhead; empty fields are stored as null. */
  letterhead: omittable(letterheadInput),
});

export type UpdateOrganisationSettingsInput = z.input<typeof updateSettingsInput>;

/** Omitted settings stay as they are. */
export function updateOrganisationSettings(
  prisma: PrismaClient,
  viewer: Viewer,
  rawInput: UpdateOrganisationSettingsInput,
): Promise<OrganisationSettings> {
  return committed(() =>
    adminChange(prisma, viewer, updateSettingsInput, rawInput, (tx, input) => {
      const { letterhead, ...settings } = input;
      const data = { ...settings, ...letterhead, updatedAt: new Date() };
      emit({ type: 'SETTINGS_CHANGED' });
      return tx.organisationSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, ...data }, update: data });
    }),
  ).finally(() => forgetCachedSettings(prisma));
}
