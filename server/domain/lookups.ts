import type { Prisma } from '../generated/prisma/client.ts';
import { ValidationError, type FieldError } from './errors.ts';

export interface LookupRefs {
  statusKey?: string | null;
  sourceId?: string | null;
  tagIds?: string[] | null;
}

/**
 * Checks that referenced lookup entries exist, so a bad reference becomes a field error instead of
 * a foreign-key violation. One statement per kind of reference given.
 */
export async function assertLookupsExist(tx: Prisma.TransactionClient, refs: LookupRefs) {
  const [error] = await findMissingLookups(tx, [refs]);
  if (error) throw error;
}

/** The same check for many records at once (the CSV import): still one statement per kind of reference. */
export async function findMissingLookups(tx: Prisma.TransactionClient, refsList: LookupRefs[]): Promise<Array<ValidationError | null>> {
  const statusKeys = unique(refsList.flatMap((refs) => (refs.statusKey ? [refs.statusKey] : [])));
  const sourceIds = unique(refsList.flatMap((refs) => (refs.sourceId ? [refs.sourceId] : [])));
  const tagIds = unique(refsList.flatMap((refs) => refs.tagIds ?? []));
  const statuses = statusKeys.length
    ? new Set((await tx.lifecycleStatus.findMany({ where: { key: { in: statusKeys } }, select: { key: true } })).map((status) => status.key))
    : new Set<string>();
  const sources = sourceIds.length
    ? new Set((await tx.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true } })).map((source) => source.id))
    : new Set<string>();
  const tags = tagIds.length
    ? new Set((await tx.tag.findMany({ where: { id: { in: tagIds } }, select: { id: true } })).map((tag) => tag.id))
    : new Set<string>();
  return refsList.map((refs) => {
    const errors: FieldError[] = [];
    if (refs.statusKey && !statuses.has(refs.statusKey)) {
      errors.push({ field: 'statusKey', reason: 'NOT_FOUND', message: 'Unknown lifecycle status.' });
    }
    if (refs.sourceId && !sources.has(refs.sourceId)) errors.push({ field: 'sourceId', reason: 'NOT_FOUND', message: 'Unknown source.' });
    refs.tagIds?.forEach((id, index) => {
      if (!tags.has(id)) errors.push({ field: `tagIds.${index}`, reason: 'NOT_FOUND', message: 'Unknown tag.' });
    });
    return errors.length ? new ValidationError(errors) : null;
  });
}

const unique = (values: string[]) => [...new Set(values)];
