import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { ValidationError } from '../domain/errors.ts';

const uuid = z.uuid();

/**
 * Turns a global id (`base64("Account:<uuid>")`) into the database id, or a field error when it is
 * malformed or names another type, so a bad id never reaches the database.
 */
export function decodeId(globalId: string, typename: string, field: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw ValidationError.field(field, 'INVALID_ID', 'This is not a valid id.');
  }
  if (decoded.typename !== typename || !uuid.safeParse(decoded.id).success) {
    throw ValidationError.field(field, 'INVALID_ID', `This is not a valid ${typename} id.`);
  }
  return decoded.id;
}

export function decodeOptionalId(globalId: string | null | undefined, typename: string, field: string) {
  if (globalId === undefined || globalId === null) return globalId;
  return decodeId(globalId, typename, field);
}

export function decodeIds(globalIds: readonly string[] | null | undefined, typename: string, field: string) {
  return globalIds?.map((globalId, index) => decodeId(globalId, typename, `${field}.${index}`)) ?? undefined;
}
