import { builder } from '../builder.ts';
import { getOrganisationSettings, updateOrganisationSettings } from '../domain/settings.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

const OrganisationSettingsRef = builder.prismaObject('OrganisationSettings', {
  description: 'Settings that apply to the whole organisation. Administrators change them.',
  fields: (t) => ({
    staleAfterDays: t.exposeInt('staleAfterDays', {
      description: 'An open opportunity without activity for this many days is flagged as stale (1-365).',
    }),
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
  fields: (t) => ({ staleAfterDays: t.int({ description: '1-365.' }) }),
});

builder.mutationField('updateOrganisationSettings', (t) =>
  t.field({
    type: OrganisationSettingsRef,
    authScopes: { admin: true },
    errors: validatedResult('UpdateOrganisationSettings', 'settings'),
    args: { input: t.arg({ type: UpdateOrganisationSettingsInput, required: true }) },
    resolve: (_root, { input }, context) =>
      updateOrganisationSettings(context.prisma, requireViewer(context), { staleAfterDays: input.staleAfterDays ?? undefined }),
  }),
);
