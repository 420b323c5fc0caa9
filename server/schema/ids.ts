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

/** Stands in for an undecodable id inside an input, so the domain's validation reports it as INVALID_ID. */
const UNDECODABLE_ID = 'undecodable-id';

/**
 * For ids inside mutation inputs: a malformed id is left for the domain's validation to report
 * (as INVALID_ID on its field) together with every other field error, instead of alone.
 */
export function decodeInputId(globalId: string | null | undefined, typename: string): string | null | undefined {
  if (globalId === undefined || globalId === null) return globalId;
  try {
    return decodeId(globalId, typename, '');
  } catch {
    return UNDECODABLE_ID;
  }
}

export function decodeInputIds(globalIds: readonly string[] | null | undefined, typename: string) {
  return globalIds?.map((globalId) => decodeInputId(globalId, typename) as string) ?? undefined;
}

/** For ids in filters, which are not validated further: a malformed one fails at once. */
export function decodeIds(globalIds: readonly string[] | null | undefined, typename: string, field: string) {
  return globalIds?.map((globalId, index) => decodeId(globalId, typename, `${field}.${index}`)) ?? undefined;
}

export function decodeOptionalFilterId(globalId: string | null | undefined, typename: string, field: string) {
  return globalId === undefined || globalId === null ? globalId : decodeId(globalId, typename, field);
}
