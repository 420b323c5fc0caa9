import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { RecordRef } from '../../domain/import/import-rows.ts';

export const ImportRecordRef = builder.objectRef<RecordRef & { created?: boolean }>('ImportRecord').implement({
  description: 'A record an import row created, merged into, matched or linked to.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'Account, Contact or Opportunity.' }),
    id: t.id({
      nullable: true,
      description: 'Global id; null in a preview for a record that would be created.',
      resolve: (record) => (record.id ? encodeGlobalID(record.type, record.id) : null),
    }),
    label: t.exposeString('label'),
    created: t.boolean({ description: 'Whether this row created the linked record.', resolve: (record) => record.created ?? false }),
  }),
});
