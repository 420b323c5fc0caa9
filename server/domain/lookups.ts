import type { Prisma } from '../generated/prisma/client.ts';
import { ValidationError, type FieldError } from './errors.ts';

/**
 * Checks that referenced lookup entries exist, so a bad reference becomes a field error instead of
 * a foreign-key violation. One statement per kind of reference given.
 */
export async function assertLookupsExist(
  tx: Prisma.TransactionClient,
  refs: { statusKey?: string | null; sourceId?: string | null; tagIds?: string[] | null },
) {
  const errors: FieldError[] = [];
  if (refs.statusKey) {
    const status = await tx.lifecycleStatus.findUnique({ where: { key: refs.statusKey }, select: { key: true } });
    if (!status) errors.push({ field: 'statusKey', reason: 'NOT_FOUND', message: 'Unknown lifecycle status.' });
  }
  if (refs.sourceId) {
    const source = await tx.source.findUnique({ where: { id: refs.sourceId }, select: { id: true } });
    if (!source) errors.push({ field: 'sourceId', reason: 'NOT_FOUND', message: 'Unknown source.' });
  }
  if (refs.tagIds?.length) {
    const found = new Set(
      (await tx.tag.findMany({ where: { id: { in: refs.tagIds } }, select: { id: true } })).map((tag) => tag.id),
    );
    refs.tagIds.forEach((id, index) => {
      if (!found.has(id)) errors.push({ field: `tagIds.${index}`, reason: 'NOT_FOUND', message: 'Unknown tag.' });
    });
  }
  if (errors.length) throw new ValidationError(errors);
}
