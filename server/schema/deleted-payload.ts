import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';

export const DeletedPayload = builder.objectRef<{ id: string; typename: string }>('Deleted').implement({
  fields: (t) => ({
    deletedId: t.id({ resolve: (deleted) => encodeGlobalID(deleted.typename, deleted.id) }),
  }),
});
