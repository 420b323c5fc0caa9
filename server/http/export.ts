import { EventEmitter, once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { coerceInputValue, getNamedType, isInputObjectType, isNonNullType, type GraphQLArgument } from 'graphql';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { CSV_DELIMITERS, type CsvDelimiter } from '../domain/csv/read-csv.ts';
import { UTF8_BOM, csvLines } from '../domain/csv/write-csv.ts';
import type { CsvLocale } from '../domain/csv/locale-values.ts';
import { DomainError, UnauthenticatedError, ValidationError, type FieldError } from '../domain/errors.ts';
import { EXPORT_KINDS, exportRows, type ExportKind, type ExportOptions, type ExportQuery } from '../domain/export/export-rows.ts';
import { kpiExportRows, type KpiExportQuery } from '../domain/export/kpi-export-rows.ts';
import { kpiQuery } from '../domain/kpis/kpi-query.ts';
import { getOrganisationSettings } from '../domain/settings.ts';
import { decodeActivityFilter } from '../schema/activity-filter.ts';
import { decodeDocumentFilter } from '../schema/billing/document-inputs.ts';
import { decodeListFilter } from '../schema/customer-list-filter.ts';
import { decodeId } from '../schema/ids.ts';
import { kpiArguments } from '../schema/kpis/kpi-inputs.ts';
import { decodeGroup } from '../schema/kpis/kpi-records.ts';
import { schema } from '../schema/index.ts';
import { decodeOpportunityFilter } from '../schema/opportunity-filter.ts';
import { sendDomainError, sendError } from './responses.ts';

const PATH = new RegExp(`^/export/(kpi/)?(${EXPORT_KINDS.join('|')})\\.csv$`);
/** Arguments of the list queries that page; an export has all rows. */
const PAGING = new Set(['first', 'after', 'last', 'before']);

/**
 * `GET /export/<accounts|contacts|opportunities|activities|quotes|orders|invoices>.csv` with the bearer token of the
 * API: the list's query arguments as query parameters (`search`, `accountId`, and `filter` and
 * `orderBy` as the JSON of their GraphQL input types), `columns` (comma-separated keys), `locale`
 * (`de`: 1234,50 and 31.12.2026, `;` by default; `en`: 1234.50 and 2026-12-31, `,`) and
 * `delimiter` (`;`, `,` or `tab`). Streams a UTF-8 CSV with byte order mark.
 *
 * `GET /export/kpi/<kind>.csv` exports a drill-down (the records behind a key figure) with the
 * arguments of its connection (`kpiOpportunities`, `kpiInvoices`, ...): `figure`, and `period`,
 * `scope`, `group` as JSON, `asOf` for opportunities; in the drill-down's order and access.
 */
export function createExportHandler(db: Database) {
  return async function handleExport(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (!match) {
      return sendError(res, 404, 'NOT_FOUND', `Exports are ${EXPORT_KINDS.map((name) => `/export/${name}.csv`).join(', ')} and the same under /export/kpi/.`);
    }
    const drill = Boolean(match[1]);
    const kind = match[2] as ExportKind;
    if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET.');
    let rows: AsyncGenerator<string[][]> | undefined;
    try {
      const viewer = await authenticate(db.prisma, req.headers.authorization);
      if (!viewer) throw new UnauthenticatedError();
      const params = url.searchParams;
      const locale: CsvLocale = params.get('locale')?.toLowerCase().startsWith('de') ? 'de' : 'en';
      const delimiter = delimiterOf(params.get('delimiter'), locale);
      const options: ExportOptions = { columns: params.get('columns')?.split(',').map((key) => key.trim()).filter(Boolean), locale };
      rows = drill
        ? kpiExportRows(db.prisma, await kpiExportQuery(db, viewer, kind, params), options)
        : exportRows(db.prisma, viewer, exportQuery(kind, params), options);
      // The header comes after access, filter and columns are checked: a refusal is still an HTTP error.
      const header = await rows.next();
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${drill ? `kpi-${kind}` : kind}-${new Date().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      });
      res.write(UTF8_BOM + csvLines(header.value as string[][], delimiter));
      await streamRest(rows, res, delimiter);
    } catch (error) {
      await rows?.return(undefined);
      if (res.headersSent) {
        // Half a file must not look like a whole one: end the connection without the final chunk.
        console.warn(`Export of ${kind} broke off: ${(error as Error).message}`);
        res.destroy(error as Error);
        return;
      }
      if (error instanceof DomainError) return sendDomainError(res, error);
      console.error('Export failed', error);
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
    }
  };
}

/** Writes batch after batch, waiting while the client is behind, and stops when it goes away. */
async function streamRest(rows: AsyncGenerator<string[][]>, res: ServerResponse, delimiter: CsvDelimiter) {
  let gone = false;
  res.once('close', () => (gone = true));
  for await (const batch of rows) {
    if (gone) return;
    if (!res.write(csvLines(batch, delimiter))) await drainedOrClosed(res);
  }
  res.end();
}

/** Waits until the client caught up or left; the other listener goes too, so waits do not pile up listeners. */
export async function drainedOrClosed(res: EventEmitter) {
  const settled = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: settled.signal }), once(res, 'close', { signal: settled.signal })]);
  } finally {
    settled.abort();
  }
}

function delimiterOf(value: string | null, locale: CsvLocale): CsvDelimiter {
  if (!value) return locale === 'de' ? ';' : ',';
  const delimiter = value === 'tab' ? '\t' : value;
  if (!(CSV_DELIMITERS as readonly string[]).includes(delimiter)) {
    throw ValidationError.field('delimiter', 'INVALID_VALUE', 'Use ;, , or tab.');
  }
  return delimiter as CsvDelimiter;
}

/**
 * The list query's arguments, read as GraphQL reads them (types, enums, dates, ids) from the same
 * schema, then decoded by the list's own functions.
 */
function exportQuery(kind: ExportKind, params: URLSearchParams): ExportQuery {
  const args = fieldArguments(kind, params);
  const filter = args.filter as never;
  switch (kind) {
    case 'accounts':
      return { kind, filter: decodeListFilter(filter, args.search as string | undefined), orderBy: args.orderBy as never };
    case 'contacts':
      return {
        kind,
        filter: {
          ...decodeListFilter(filter, args.search as string | undefined),
          accountId: args.accountId ? decodeId(args.accountId as string, 'Account', 'accountId') : undefined,
        },
        orderBy: args.orderBy as never,
      };
    case 'opportunities':
      return { kind, filter: decodeOpportunityFilter(filter), orderBy: args.orderBy as never };
    case 'activities':
      return { kind, filter: decodeActivityFilter(filter), orderBy: args.orderBy as never };
    case 'quotes':
    case 'orders':
    case 'invoices':
      return { kind, filter: decodeDocumentFilter(filter) as never, orderBy: args.orderBy as never };
  }
}

/** A drill-down's arguments, checked and decoded as its connection does (figure, period, scope, asOf, group). */
async function kpiExportQuery(db: Database, viewer: Viewer, kind: ExportKind, params: URLSearchParams): Promise<KpiExportQuery> {
  const args = fieldArguments(`kpi${kind[0].toUpperCase()}${kind.slice(1)}`, params);
  const { timeZone, staleAfterDays } = await getOrganisationSettings(db.prisma);
  const requestTime = new Date();
  const asOf = args.asOf as Date | undefined;
  const kpi = kpiQuery(viewer, kpiArguments(args.period as never, args.scope as never, asOf, requestTime, timeZone), { timeZone, staleAfterDays }, requestTime);
  return { kind, kpi, figure: args.figure as string, group: decodeGroup(args.group as never) };
}

/** The query field's arguments but paging, from query parameters (input objects as JSON), coerced as GraphQL does. */
function fieldArguments(fieldName: string, params: URLSearchParams): Record<string, unknown> {
  const field = schema.getQueryType()!.getFields()[fieldName];
  const byName = new Map<string, GraphQLArgument>(field.args.filter((arg) => !PAGING.has(arg.name)).map((arg) => [arg.name, arg]));
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, arg] of byName) {
    const raw = params.get(name);
    if (raw === null || raw === '') {
      if (isNonNullType(arg.type)) errors.push({ field: name, reason: 'REQUIRED', message: `${name} is required.` });
      continue;
    }
    let value: unknown = raw;
    if (isInputObjectType(getNamedType(arg.type))) {
      try {
        value = JSON.parse(raw);
      } catch {
        errors.push({ field: name, reason: 'INVALID_FORMAT', message: `${name} must be JSON.` });
        continue;
      }
    }
    values[name] = coerceInputValue(value, arg.type, (path, _invalid, error) => {
      errors.push({ field: [name, ...path].join('.'), reason: 'INVALID_VALUE', message: error.message });
    });
  }
  if (errors.length) throw new ValidationError(errors);
  return values;
}
