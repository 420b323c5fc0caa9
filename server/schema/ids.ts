import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
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

/**
 * Which fields of a list filter hold global ids (of which type) and calendar days, so a filter can
 * be decoded for the domain and a stored one encoded back into what the client sends.
 */
export interface FilterFieldTypes {
  idLists?: Record<string, string>;
  ids?: Record<string, string>;
  /** Fields of the `Date` scalar: `YYYY-MM-DD` for the client. */
  days?: readonly string[];
}

/** Global ids to database ids; a malformed one fails at once with its field. */
export function decodeFilterIds<Filter extends object>(filter: Filter, types: FilterFieldTypes, prefix = 'filter'): Filter {
  const decoded: Record<string, unknown> = { ...(filter as Record<string, unknown>) };
  for (const [field, typename] of Object.entries(types.idLists ?? {})) {
    decoded[field] = decodeIds(decoded[field] as string[] | null | undefined, typename, `${prefix}.${field}`);
  }
  for (const [field, typename] of Object.entries(types.ids ?? {})) {
    decoded[field] = decodeOptionalFilterId(decoded[field] as string | null | undefined, typename, `${prefix}.${field}`);
  }
  return decoded as Filter;
}

/** A filter as the domain stored it (database ids, ISO dates) in the form the client sends to the list. */
export function encodeFilter(stored: Record<string, unknown>, types: FilterFieldTypes): Record<string, unknown> {
  const encoded: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(stored)) {
    if (value === null || value === undefined) continue;
    const listType = types.idLists?.[field];
    const idType = types.ids?.[field];
    if (listType && Array.isArray(value)) encoded[field] = value.map((id) => encodeGlobalID(listType, String(id)));
    else if (idType) encoded[field] = encodeGlobalID(idType, String(value));
    else if (types.days?.includes(field)) encoded[field] = String(value).slice(0, 10);
    else encoded[field] = value;
  }
  return encoded;
}
