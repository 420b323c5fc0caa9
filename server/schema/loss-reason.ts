import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { createLossReason, deleteNamedEntry, reorderNamedEntries, setNamedEntryActive, updateNamedEntry } from '../domain/lookups-admin.ts';
import { decodeId, decodeIds } from './ids.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

const ORDER = [{ position: 'asc' as const }, { name: 'asc' as const }];

export const LossReasonRef = builder.prismaNode('LossReason', {
  id: { field: 'id' },
  // A missing record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'Why an opportunity was lost. Inactive reasons stay on closed opportunities but are not offered any more.',
  fields: (t) => ({
    name: t.exposeString('name'),
    active: t.exposeBoolean('active'),
  }),
});

builder.queryField('lossReasons', (t) =>
  t.prismaField({
    type: ['LossReason'],
    authScopes: { authenticated: true },
    description: 'Active loss reasons in their order; inactive ones too with `includeInactive`.',
    args: { includeInactive: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.lossReason.findMany({ ...query, where: args.includeInactive ? {} : { active: true }, orderBy: ORDER }),
  }),
);

builder.mutationFields((t) => ({
  createLossReason: t.prismaField({
    type: 'LossReason',
    authScopes: { admin: true },
    description: 'Adds a loss reason at the end of the list.',
    errors: validatedResult('CreateLossReason', 'lossReason'),
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const created = await createLossReason(context.prisma, requireViewer(context), args);
      return context.prisma.lossReason.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  renameLossReason: t.prismaField({
    type: 'LossReason',
    authScopes: { admin: true },
    errors: validatedResult('RenameLossReason', 'lossReason'),
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = decodeId(args.id, 'LossReason', 'id');
      await updateNamedEntry(context.prisma, requireViewer(context), 'lossReason', { id, name: args.name });
      return context.prisma.lossReason.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setLossReasonActive: t.prismaField({
    type: 'LossReason',
    authScopes: { admin: true },
    description: 'Deactivates (no longer offered when losing an opportunity) or reactivates a loss reason.',
    errors: validatedResult('SetLossReasonActive', 'lossReason'),
    args: { id: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = decodeId(args.id, 'LossReason', 'id');
      await setNamedEntryActive(context.prisma, requireViewer(context), 'lossReason', { id, active: args.active });
      return context.prisma.lossReason.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  reorderLossReasons: t.prismaField({
    type: ['LossReason'],
    authScopes: { admin: true },
    description: 'Sets the order: `ids` must name every loss reason, active or not, exactly once.',
    errors: validatedResult('ReorderLossReasons', 'lossReasons'),
    args: { ids: t.arg.idList({ required: true }) },
    resolve: async (query, _root, args, context) => {
      await reorderNamedEntries(context.prisma, requireViewer(context), 'lossReason', decodeIds(args.ids, 'LossReason', 'ids') ?? []);
      return context.prisma.lossReason.findMany({ ...query, orderBy: ORDER });
    },
  }),
  deleteLossReason: t.id({
    authScopes: { admin: true },
    description: 'Deletes a loss reason no opportunity uses (IN_USE otherwise: deactivate it instead).',
    errors: validatedResult('DeleteLossReason', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const deleted = await deleteNamedEntry(context.prisma, requireViewer(context), 'lossReason', decodeId(args.id, 'LossReason', 'id'));
      return encodeGlobalID('LossReason', deleted.id);
    },
  }),
}));
