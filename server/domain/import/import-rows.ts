import type { Viewer } from '../../auth/viewer.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { DomainError, ValidationError, type FieldError } from '../errors.ts';
import type { ImportRow } from './row-values.ts';

export type DuplicatePolicy = 'SKIP' | 'MERGE' | 'CREATE';
export type RowOutcome = 'IMPORTED' | 'MERGED' | 'SKIPPED' | 'FAILED';

export interface RecordRef {
  type: 'Account' | 'Contact' | 'Opportunity';
  /** Null in a preview for records that would be created. */
  id: string | null;
  label: string;
}

/** What became of one row. */
export interface RowResult {
  outcome: RowOutcome;
  errors: FieldError[];
  /** The record the row created, or the existing one it was merged into. */
  record?: RecordRef;
  /** The existing record a skipped or merged row matched. */
  duplicateOf?: RecordRef;
  /** Records the row linked to: its account and contact, found or created for it. */
  linked: Array<RecordRef & { created: boolean }>;
}

export interface ImportContext {
  tx: Prisma.TransactionClient;
  viewer: Viewer;
  policy: DuplicatePolicy;
  /** The team new records go to when the file has no team column (needed for users of several teams). */
  defaultTeamId?: string;
  now: Date;
}

/** Imports the rows of one batch in the context's transaction, one result per row. */
export type ImportRows = (context: ImportContext, rows: ImportRow[]) => Promise<RowResult[]>;

/** Domain input fields and the import fields (columns) they come from. */
const DOMAIN_FIELDS: Record<string, string> = {
  statusKey: 'status',
  sourceId: 'source',
  ownerId: 'owner',
  teamId: 'team',
  pipelineId: 'pipeline',
  stageId: 'stage',
  priorityKey: 'priority',
  forecastCategoryKey: 'forecastCategory',
  accountId: 'account.name',
  contactId: 'contact.lastName',
};

/**
 * The import field a domain error is about, so the report points at the column. Errors of a linked
 * account or contact get its prefix (`account.name`), except owner and team, which the whole row shares.
 */
export function importFieldOf(domainField: string, prefix = ''): string {
  const field = domainField.replace(/^address\./, '').replace(/^tagIds(\.\d+)?$/, 'tags');
  const mapped = DOMAIN_FIELDS[field] ?? field;
  if (mapped === 'owner' || mapped === 'team' || mapped.includes('.')) return mapped;
  return `${prefix}${mapped}`;
}

/** The field errors of a domain error, pointed at import fields. */
export function errorsOf(error: DomainError, prefix = ''): FieldError[] {
  if (error instanceof ValidationError) {
    return error.fieldErrors.map((fieldError) => ({ ...fieldError, field: importFieldOf(fieldError.field, prefix) }));
  }
  return [{ field: prefix ? `${prefix}name` : '', reason: error.code, message: error.message }];
}

export function failed(row: ImportRow, errors: FieldError[]): RowResult {
  return { outcome: 'FAILED', errors: firstPerField([...row.errors, ...errors]), linked: [] };
}

/** One error per field, the first: a cell that could not be read is not also reported as missing. */
function firstPerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.field) && seen.add(error.field));
}

/** The row's values that fill fields the existing record leaves empty (MERGE). */
export function emptyFieldsFilled<Existing extends Record<string, unknown>>(
  existing: Existing,
  candidates: Partial<Record<keyof Existing & string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(candidates).filter(([key, value]) => value !== undefined && value !== null && isEmpty(existing[key])),
  );
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';
