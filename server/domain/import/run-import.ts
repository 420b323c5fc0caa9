import type { Viewer } from '../../auth/viewer.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { assertCanCreateCustomerRecords, assertCanCreateSalesRecords } from '../access.ts';
import { collectEvents, type DomainEvent } from '../events.ts';
import { readCsv, type CsvDelimiter, type CsvRow } from '../csv/read-csv.ts';
import { ValidationError, type FieldError } from '../errors.ts';
import { importAccountRows } from './account-import.ts';
import { importContactRows } from './contact-import.ts';
import { importField, importFields, suggestMapping, type ImportField, type ImportKind } from './fields.ts';
import type { DuplicatePolicy, ImportContext, ImportRows, RowOutcome, RowResult } from './import-rows.ts';
import { importOpportunityRows } from './opportunity-import.ts';
import { ImportReferences } from './references.ts';
import { readRow, type ImportRow, type MappedColumn } from './row-values.ts';

export interface ImportRequest {
  kind: ImportKind;
  csv: string;
  /** Per column the field key it holds, or null to ignore it; omitted: mapped by the headers. */
  mapping?: Array<string | null> | null;
  duplicatePolicy?: DuplicatePolicy;
  /** Team of new records when the file has no team column. */
  teamId?: string | null;
}

export interface RowReport extends RowResult {
  rowNumber: number;
  cells: ImportRow['cells'];
}

export interface ImportColumn {
  header: string;
  /** The field the column was read as; null: ignored. */
  field: ImportField | null;
  /** The first few values of the column, to recognise it by. */
  samples: string[];
}

export interface ImportReport {
  kind: ImportKind;
  delimiter: CsvDelimiter;
  columns: ImportColumn[];
  /** Data rows in the file. */
  rowCount: number;
  /** What is wrong with the mapping (a preview shows the columns anyway, and no rows). */
  mappingErrors: FieldError[];
  rows: RowReport[];
  counts: Record<RowOutcome, number>;
}

/** Rows per transaction: a few statements each, whatever the size. */
export const IMPORT_BATCH_SIZE = 500;
export const PREVIEW_ROWS = 20;

const IMPORTERS: Record<ImportKind, ImportRows> = {
  ACCOUNTS: importAccountRows,
  CONTACTS: importContactRows,
  OPPORTUNITIES: importOpportunityRows,
};

export interface RunOptions {
  now?: Date;
  /** Receives the domain events of each batch once it has committed (board and notification updates). */
  publish: (events: DomainEvent[]) => void;
}

/**
 * Imports a CSV file as the viewer: their role, teams and rights decide as in the forms, through
 * the same domain rules. Rows go in batches of IMPORT_BATCH_SIZE, each batch in one transaction.
 * A row is written completely (its account, contact and opportunity) or not at all: a batch in
 * which some rows failed is rolled back to its savepoint and run again without them.
 */
export async function runImport(prisma: PrismaClient, viewer: Viewer, request: ImportRequest, { now = new Date(), publish }: RunOptions): Promise<ImportReport> {
  const plan = await planImport(prisma, viewer, request);
  if (plan.mappingErrors.length) throw new ValidationError(plan.mappingErrors);
  const rows: RowReport[] = [];
  for (let start = 0; start < plan.rows.length; start += IMPORT_BATCH_SIZE) {
    const batch = plan.rows.slice(start, start + IMPORT_BATCH_SIZE);
    // Resolved once the batch has committed, so its events may go out.
    const { results, events } = await prisma.$transaction((tx) => importBatch({ ...plan.context, tx, now }, plan.importer, batch), {
      timeout: 300_000,
      maxWait: 30_000,
    });
    publish(events);
    rows.push(...batch.map((row, position) => ({ rowNumber: row.rowNumber, cells: row.cells, ...results[position] })));
  }
  return report(plan, rows);
}

/**
 * What the import would do with the first PREVIEW_ROWS rows: they run through the same rules in
 * a transaction that is rolled back, so the preview shows duplicates and refusals as they would
 * be. Records it would create have no id.
 */
export async function previewImport(prisma: PrismaClient, viewer: Viewer, request: ImportRequest, { now = new Date() } = {}): Promise<ImportReport> {
  const plan = await planImport(prisma, viewer, request);
  // Without a usable mapping the preview shows the columns, so that the user can map them.
  if (plan.mappingErrors.length) return report(plan, []);
  const batch = plan.rows.slice(0, PREVIEW_ROWS);
  let results: RowResult[] = [];
  await prisma
    .$transaction(async (tx) => {
      ({ results } = await importBatch({ ...plan.context, tx, now }, plan.importer, batch));
      throw new RolledBack();
    }, { timeout: 60_000 })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  const rows = batch.map((row, position) => ({ rowNumber: row.rowNumber, cells: row.cells, ...withoutNewIds(results[position]) }));
  return report(plan, rows);
}

class RolledBack extends Error {}

function withoutNewIds(result: RowResult): RowResult {
  return {
    ...result,
    record: result.record && result.outcome === 'IMPORTED' ? { ...result.record, id: null } : result.record,
    linked: result.linked.map((link) => (link.created ? { ...link, id: null } : link)),
  };
}

function report(plan: Awaited<ReturnType<typeof planImport>>, rows: RowReport[]): ImportReport {
  const counts: Record<RowOutcome, number> = { IMPORTED: 0, MERGED: 0, SKIPPED: 0, FAILED: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return {
    kind: plan.kind,
    delimiter: plan.delimiter,
    columns: plan.columns,
    rowCount: plan.rows.length,
    mappingErrors: plan.mappingErrors,
    rows,
    counts,
  };
}

async function planImport(prisma: PrismaClient, viewer: Viewer, request: ImportRequest) {
  if (request.kind === 'OPPORTUNITIES') assertCanCreateSalesRecords(viewer);
  else assertCanCreateCustomerRecords(viewer);
  const table = readCsv(request.csv);
  const { mapping, errors: mappingErrors } = resolveMapping(request.kind, table.headers, request.mapping);
  if (request.teamId && !(await prisma.team.findUnique({ where: { id: request.teamId }, select: { id: true } }))) {
    throw ValidationError.field('teamId', 'NOT_FOUND', 'Unknown team.');
  }
  const columns: MappedColumn[] = mapping.flatMap((field, index) => (field ? [{ index, field }] : []));
  const userColumns = columns.filter((column) => column.field.type === 'user').map((column) => column.index);
  const references = await ImportReferences.load(
    prisma,
    new Set(columns.map((column) => column.field.type)),
    table.rows.flatMap((row) => userColumns.map((index) => row.cells[index] ?? '').filter((text) => text.trim())),
  );
  const context: Omit<ImportContext, 'tx' | 'now'> = {
    viewer,
    policy: request.duplicatePolicy ?? 'SKIP',
    defaultTeamId: request.teamId ?? undefined,
  };
  return {
    kind: request.kind,
    mappingErrors,
    delimiter: table.delimiter,
    columns: table.headers.map((header, index) => ({ header, field: mapping[index], samples: samplesOf(table.rows, index) })),
    rows: table.rows.map((row) => readRow(row, columns, references)),
    context,
    importer: IMPORTERS[request.kind],
  };
}

const SAMPLES = 3;

function samplesOf(rows: CsvRow[], index: number): string[] {
  const samples: string[] = [];
  for (const row of rows) {
    const value = row.cells[index]?.trim();
    if (value) samples.push(value);
    if (samples.length === SAMPLES) break;
  }
  return samples;
}

/** The given mapping, checked, or the one the headers suggest; the required fields must be mapped. */
function resolveMapping(kind: ImportKind, headers: string[], given: ImportRequest['mapping']) {
  const keys = given ?? suggestMapping(kind, headers);
  const errors: FieldError[] = [];
  if (keys.length > headers.length) errors.push({ field: 'mapping', reason: 'TOO_LONG', message: `The file has ${headers.length} columns.` });
  const seen = new Set<string>();
  const mapping = headers.map((_header, index) => {
    const key = keys[index];
    if (!key) return null;
    const field = importField(kind, key);
    if (!field) errors.push({ field: `mapping.${index}`, reason: 'INVALID_VALUE', message: `${key} is not a field of this import.` });
    else if (seen.has(key)) errors.push({ field: `mapping.${index}`, reason: 'DUPLICATE', message: 'Another column is mapped to this field already.' });
    seen.add(key);
    return field ?? null;
  });
  for (const field of importFields(kind).filter((candidate) => candidate.required && !seen.has(candidate.key))) {
    errors.push({ field: 'mapping', reason: 'REQUIRED', message: `Choose the column that holds ${field.label.en} (${field.label.de}).` });
  }
  return { mapping, errors };
}

/**
 * One batch in passes: each pass runs the rows still in play after a savepoint. When every row
 * went through it is kept; otherwise it is rolled back and the rows that failed (or were skipped
 * after writing something) leave with their result, until a pass is clean. A database error
 * (a constraint no rule foresaw) sends the batch through row by row, so only its row fails.
 */
async function importBatch(context: ImportContext, importer: ImportRows, rows: ImportRow[]) {
  const results: Array<RowResult | undefined> = rows.map(() => undefined);
  let events: DomainEvent[] = [];
  let pending = rows.map((_row, position) => position);
  while (pending.length) {
    await context.tx.$executeRawUnsafe('SAVEPOINT import_pass');
    let outcome: { result: RowResult[]; events: DomainEvent[] };
    try {
      outcome = await collectEvents(() => importer(context, pending.map((position) => rows[position])));
    } catch (error) {
      await context.tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_pass');
      await context.tx.$executeRawUnsafe('RELEASE SAVEPOINT import_pass');
      if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error;
      if (pending.length === 1) {
        results[pending[0]] = notSaved(rows[pending[0]], error);
        pending = [];
        continue;
      }
      for (const position of pending) {
        const single = await importBatch(context, importer, [rows[position]]);
        results[position] = single.results[0];
        events.push(...single.events);
      }
      return { results: results as RowResult[], events };
    }
    const undone = pending.filter((position, index) => mustUndo(outcome.result[index]));
    if (undone.length === 0) {
      await context.tx.$executeRawUnsafe('RELEASE SAVEPOINT import_pass');
      pending.forEach((position, index) => (results[position] = outcome.result[index]));
      events = [...events, ...outcome.events];
      break;
    }
    await context.tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_pass');
    await context.tx.$executeRawUnsafe('RELEASE SAVEPOINT import_pass');
    for (const position of undone) {
      const result = outcome.result[pending.indexOf(position)];
      // What it linked to was rolled back with it, if it was new.
      results[position] = { ...result, record: result.outcome === 'FAILED' ? undefined : result.record, linked: result.linked.filter((link) => !link.created) };
    }
    pending = pending.filter((position) => !undone.includes(position));
  }
  return { results: results as RowResult[], events };
}

/** A row that failed, or that was skipped but created its account, must not leave anything behind. */
const mustUndo = (result: RowResult) => result.outcome === 'FAILED' || (result.outcome === 'SKIPPED' && result.linked.some((link) => link.created));

function notSaved(row: ImportRow, error: Prisma.PrismaClientKnownRequestError): RowResult {
  console.warn(`Import row ${row.rowNumber} could not be saved: ${error.code} ${error.message.split('\n').pop()}`);
  return {
    outcome: 'FAILED',
    errors: [...row.errors, { field: '', reason: 'NOT_SAVED', message: 'The database refused this row.' }],
    linked: [],
  };
}
