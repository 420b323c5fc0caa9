import type { ServerFieldError } from '../i18n/server-errors.ts';

// The server's CSV endpoints beside GraphQL (server/http/import.ts and export.ts): a file goes up
// as it is, a list comes down as a file. Both take the session's bearer token.

export type ImportKind = 'ACCOUNTS' | 'CONTACTS' | 'OPPORTUNITIES';
export type DuplicatePolicy = 'SKIP' | 'MERGE' | 'CREATE';
export type ImportOutcome = 'IMPORTED' | 'MERGED' | 'SKIPPED' | 'FAILED';
export type ExportList = 'accounts' | 'contacts' | 'opportunities' | 'activities' | 'quotes' | 'orders' | 'invoices';

export interface ImportFieldInfo {
  key: string;
  label: { de: string; en: string };
  required: boolean;
  type: string;
}

export interface ImportRecordRef {
  type: 'Account' | 'Contact' | 'Opportunity';
  /** Null in a preview for a record that would be created. */
  id: string | null;
  label: string;
  created?: boolean;
}

export interface ImportRowError extends ServerFieldError {
  /** The text of a cell that could not be read. */
  value?: string;
}

export interface ImportRowReport {
  rowNumber: number;
  outcome: ImportOutcome;
  errors: ImportRowError[];
  cells: Array<{ field: string; value: string }>;
  record: ImportRecordRef | null;
  duplicateOf: ImportRecordRef | null;
  linked: ImportRecordRef[];
}

export interface ImportReport {
  kind: ImportKind;
  delimiter: string;
  rowCount: number;
  /** Problems of the mapping; a preview then holds no rows. */
  mappingErrors: ServerFieldError[];
  fields: ImportFieldInfo[];
  columns: Array<{ header: string; field: ImportFieldInfo | null; samples: string[] }>;
  counts: { imported: number; merged: number; skipped: number; failed: number };
  rows: ImportRowReport[];
}

export interface ImportOptions {
  kind: ImportKind;
  file: Blob;
  /** Per column a field key or null; omitted: the server maps by the headers. */
  mapping?: Array<string | null> | null;
  duplicatePolicy: DuplicatePolicy;
  teamId?: string | null;
  preview: boolean;
}

/** A refusal of the server in its GraphQL error shape, or an unreachable server (`network`). */
export class CsvRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: ServerFieldError[] = [],
    readonly network = false,
  ) {
    super(message);
  }
}

export async function sendImport(token: string, options: ImportOptions): Promise<ImportReport> {
  const params = new URLSearchParams({ duplicatePolicy: options.duplicatePolicy });
  if (options.mapping) params.set('mapping', JSON.stringify(options.mapping));
  if (options.teamId) params.set('teamId', options.teamId);
  const path = `/import/${options.kind.toLowerCase()}${options.preview ? '/preview' : ''}`;
  const response = await request(`${path}?${params}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: options.file,
  });
  return ((await response.json()) as { report: ImportReport }).report;
}

/**
 * What an export asks for: the list query's arguments, the shown columns, the language of the file.
 * A drill-down (`drillDown`) exports the records behind a key figure with the kpi* query's arguments.
 */
export interface ExportRequest {
  list: ExportList;
  drillDown?: boolean;
  args:
    | { search?: string | null; accountId?: string | null; filter?: unknown; orderBy?: unknown }
    | { figure: string; period?: unknown; scope?: unknown; asOf?: unknown; group?: unknown };
  columns: readonly string[];
  locale: 'de' | 'en';
}

export async function downloadExport(token: string, { list, drillDown, args, columns, locale }: ExportRequest): Promise<{ blob: Blob; filename: string }> {
  const params = new URLSearchParams({ columns: columns.join(','), locale });
  for (const [name, value] of Object.entries(args)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const response = await request(`/export/${drillDown ? 'kpi/' : ''}${list}.csv?${params}`, { headers: { authorization: `Bearer ${token}` } });
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${list}.csv`;
  return { blob: await response.blob(), filename };
}

async function request(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new CsvRequestError('NETWORK', (error as Error).message, [], true);
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as {
    errors?: Array<{ message: string; extensions?: { code?: string; fieldErrors?: ServerFieldError[] } }>;
  } | null;
  const error = body?.errors?.[0];
  throw new CsvRequestError(error?.extensions?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.extensions?.fieldErrors ?? []);
}

/** Saves a downloaded file the way the browser saves a link with `download`. */
export function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
