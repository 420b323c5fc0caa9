import { builder } from '../builder.ts';
import { labelKey } from '../loaders.ts';

const LABELLED_FIELDS = new Set(['stageId', 'pipelineId', 'ownerId', 'teamId', 'accountId', 'contactId', 'sourceId', 'lossReasonId', 'priorityKey', 'forecastCategoryKey', 'campaignId']);

function display(field: string, value: unknown, load: (key: string) => Promise<string | null>) {
  if (value === null || value === undefined) return null;
  if (LABELLED_FIELDS.has(field) && typeof value === 'string') return load(labelKey(field, value)).then((label) => label ?? value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

builder.prismaObject('OpportunityChange', {
  name: 'OpportunityHistoryEntry',
  description:
    'One change of one tracked field (field CREATED marks creation; ACTIVITY_ADDED, FOLLOWED and similar mark events).',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('changedAt', { type: 'DateTime' }),
    actor: t.relation('actor', { nullable: true }),
    field: t.exposeString('field'),
    oldValue: t.expose('oldValue', { type: 'JSON', nullable: true }),
    newValue: t.expose('newValue', { type: 'JSON', nullable: true }),
    oldDisplay: t.string({
      nullable: true,
      description: 'The old value for people: names instead of ids.',
      resolve: (change, _args, context) => display(change.field, change.oldValue, (key) => context.loaders.historyLabel.load(key)),
    }),
    newDisplay: t.string({
      nullable: true,
      resolve: (change, _args, context) => display(change.field, change.newValue, (key) => context.loaders.historyLabel.load(key)),
    }),
  }),
});

builder.prismaObjectField('Opportunity', 'history', (t) =>
  t.relatedConnection('changes', {
    cursor: 'id',
    description: 'Every recorded change and event, newest first.',
    totalCount: true,
    query: () => ({ orderBy: [{ changedAt: 'desc' }, { id: 'desc' }] }),
  }),
);
