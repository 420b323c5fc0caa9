import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { labelKey, RESTRICTED, type HistoryLabel } from '../loaders.ts';

const LABELLED_FIELDS = new Set(['stageId', 'pipelineId', 'ownerId', 'teamId', 'accountId', 'contactId', 'sourceId', 'lossReasonId', 'priorityKey', 'forecastCategoryKey']);

function label(context: Context, field: string, value: unknown): Promise<HistoryLabel> | null {
  return LABELLED_FIELDS.has(field) && typeof value === 'string' ? context.loaders.historyLabel.load(labelKey(field, value)) : null;
}

/** Names instead of ids; null for a record the viewer may not read (see `restricted`). */
async function display(context: Context, field: string, value: unknown): Promise<string | null> {
  if (value === null || value === undefined) return null;
  const loading = label(context, field, value);
  if (loading) {
    const name = await loading;
    return name === RESTRICTED ? null : (name ?? String(value));
  }
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
      resolve: (change, _args, context) => display(context, change.field, change.oldValue),
    }),
    newDisplay: t.string({
      nullable: true,
      resolve: (change, _args, context) => display(context, change.field, change.newValue),
    }),
    restricted: t.boolean({
      description:
        'The old or new value names an account or contact the viewer may not read (it was moved to another team): its display is null and only its id is given.',
      resolve: async (change, _args, context) => {
        const labels = await Promise.all([label(context, change.field, change.oldValue), label(context, change.field, change.newValue)]);
        return labels.includes(RESTRICTED);
      },
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
