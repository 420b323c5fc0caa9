import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { authenticate } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { MAX_CSV_BYTES } from '../domain/csv/read-csv.ts';
import { DomainError, UnauthenticatedError, ValidationError, type FieldError } from '../domain/errors.ts';
import { IMPORT_KINDS, importFields, type ImportField, type ImportKind } from '../domain/import/fields.ts';
import type { DuplicatePolicy, RecordRef } from '../domain/import/import-rows.ts';
import { previewImport, runImport, type ImportReport, type ImportRequest } from '../domain/import/run-import.ts';
import { publishDomainEvents, type PubSub } from '../pubsub.ts';
import { decodeOptionalFilterId } from '../schema/ids.ts';
import { sendDomainError, sendError, sendJson } from './responses.ts';

const PATH = /^\/import\/(accounts|contacts|opportunities)(\/preview)?$/;
const POLICIES: DuplicatePolicy[] = ['SKIP', 'MERGE', 'CREATE'];

/**
 * `POST /import/<accounts|contacts|opportunities>` imports the CSV file sent as the request body
 * (as it is on disk: UTF-8 with or without byte order mark, or Windows-1252 as older Excel saves
 * it), as the user of the API's bearer token; `…/preview` answers what the first 20 rows would
 * become and writes nothing. Query parameters: `mapping` (JSON array, per column a field key or
 * null), `duplicatePolicy` (SKIP, MERGE, CREATE) and `teamId` (the team of new records when the
 * file has none). The answer is the report as JSON, with the API's global ids.
 *
 * An endpoint of its own rather than a GraphQL mutation: a file is bytes up to 20 MB, and a
 * 10,000-row import runs for seconds, beyond what the GraphQL endpoint accepts for one operation.
 */
export function createImportHandler(db: Database, pubsub: PubSub) {
  return async function handleImport(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (!match) return sendError(res, 404, 'NOT_FOUND', `Imports are ${IMPORT_KINDS.map((kind) => `/import/${kind.toLowerCase()}`).join(', ')}.`);
    if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Send the file with POST.');
    const kind = match[1].toUpperCase() as ImportKind;
    try {
      const viewer = await authenticate(db.prisma, req.headers.authorization);
      if (!viewer) throw new UnauthenticatedError();
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_CSV_BYTES) return tooLarge(req, res);
      const body = await readBody(req);
      if (!body) return tooLarge(req, res);
      const request: ImportRequest = { kind, csv: decodeText(body), ...importParameters(url.searchParams) };
      const report = match[2]
        ? await previewImport(db.prisma, viewer, request)
        : await runImport(db.prisma, viewer, request, { publish: (events) => publishDomainEvents(pubsub, events) });
      sendJson(res, 200, { report: reportJson(report) });
    } catch (error) {
      if (error instanceof DomainError) return sendDomainError(res, error);
      console.error('Import failed', error);
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
    }
  };
}

/** The body, or null once it grows past the limit (a missing or wrong Content-Length is no way around it). */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_CSV_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(req: IncomingMessage, res: ServerResponse) {
  // Nothing more of the body is read; the connection closes after the answer.
  res.setHeader('connection', 'close');
  sendJson(res, 413, {
    errors: [
      {
        message: `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB: split it.`,
        extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'csv', reason: 'TOO_LARGE', message: 'The file is too large.' }] },
      },
    ],
  });
  req.resume();
}

/** UTF-8 when the bytes are UTF-8 (a byte order mark is dropped), else Windows-1252, which older Excel writes. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function importParameters(params: URLSearchParams): Omit<ImportRequest, 'kind' | 'csv'> {
  const errors: FieldError[] = [];
  let mapping: Array<string | null> | undefined;
  const rawMapping = params.get('mapping');
  if (rawMapping) {
    try {
      const parsed: unknown = JSON.parse(rawMapping);
      if (!Array.isArray(parsed) || !parsed.every((key) => key === null || typeof key === 'string')) throw new Error('not a list of keys');
      mapping = parsed;
    } catch {
      errors.push({ field: 'mapping', reason: 'INVALID_FORMAT', message: 'mapping must be a JSON list of field keys or null.' });
    }
  }
  const policy = (params.get('duplicatePolicy') ?? 'SKIP').toUpperCase() as DuplicatePolicy;
  if (!POLICIES.includes(policy)) errors.push({ field: 'duplicatePolicy', reason: 'INVALID_VALUE', message: 'Use SKIP, MERGE or CREATE.' });
  if (errors.length) throw new ValidationError(errors);
  return { mapping, duplicatePolicy: policy, teamId: decodeOptionalFilterId(params.get('teamId') || null, 'Team', 'teamId') };
}

/** The report as the client reads it: global ids, the fields to map columns to, counts by outcome. */
function reportJson(report: ImportReport) {
  const fieldJson = (field: ImportField) => ({ key: field.key, label: field.label, required: field.required, type: field.type });
  const recordJson = (record: (RecordRef & { created?: boolean }) | undefined) =>
    record ? { ...record, id: record.id ? encodeGlobalID(record.type, record.id) : null } : null;
  return {
    kind: report.kind,
    delimiter: report.delimiter,
    rowCount: report.rowCount,
    mappingErrors: report.mappingErrors,
    fields: importFields(report.kind).map(fieldJson),
    columns: report.columns.map((column) => ({ ...column, field: column.field ? fieldJson(column.field) : null })),
    counts: {
      imported: report.counts.IMPORTED,
      merged: report.counts.MERGED,
      skipped: report.counts.SKIPPED,
      failed: report.counts.FAILED,
    },
    rows: report.rows.map((row) => ({
      rowNumber: row.rowNumber,
      outcome: row.outcome,
      errors: row.errors,
      cells: row.cells,
      record: recordJson(row.record),
      duplicateOf: recordJson(row.duplicateOf),
      linked: row.linked.map((link) => recordJson(link)!),
    })),
  };
}
