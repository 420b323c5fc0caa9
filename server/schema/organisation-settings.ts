import { builder } from '../builder.ts';
import { getOrganisationSettings, letterheadOf, updateOrganisationSettings } from '../domain/settings.ts';
import { LetterheadInput, LetterheadRef } from './letterhead.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

const OrganisationSettingsRef = builder.prismaObject('OrganisationSettings', {
  description: 'Settings that apply to the whole organisation. Administrators change them.',
  fields: (t) => ({
    staleAfterDays: t.exposeInt('staleAfterDays', {
      description: 'An open opportunity without activity for this many days is flagged as stale (1-365).',
    }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code of the currency amounts are kept in, e.g. EUR.' }),
    timeZone: t.exposeString('timeZone', { description: 'IANA time zone that "today" and "this month" refer to, e.g. Europe/Berlin.' }),
    letterhead: t.field({ type: LetterheadRef, resolve: (settings) => letterheadOf(settings) }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('organisationSettings', (t) =>
  t.field({
    type: OrganisationSettingsRef,
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => getOrganisationSettings(context.prisma),
  }),
);

const UpdateOrganisationSettingsInput = builder.inputType('UpdateOrganisationSettingsInput', {
  description: 'Omitted settings stay as they are.',
  fields: (t) => ({
    staleAfterDays: t.int({ description: '1-365.' }),
    currency: t.string({ description: 'ISO 4217 code, e.g. EUR.' }),
    timeZone: t.string({ description: 'IANA time zone, e.g. Europe/Berlin.' }),
    letterhead: t.field({ type: LetterheadInput }),
  }),
});

builder.mutationField('updateOrganisationSettings', (t) =>
  t.field({
    type: OrganisationSettingsRef,
    authScopes: { admin: true },
    errors: validatedResult('UpdateOrganisationSettings', 'settings'),
    args: { input: t.arg({ type: UpdateOrganisationSettingsInput, required: true }) },
    resolve: (_root, { input }, context) => updateOrganisationSettings(context.prisma, requireViewer(context), input),
  }),
);
