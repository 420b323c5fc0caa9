import type { FieldError } from '../errors.ts';
import { parseDay, parseDecimal, parseWholeNumber, type ParsedValue } from '../csv/locale-values.ts';
import type { CsvRow } from '../csv/read-csv.ts';
import type { ImportField } from './fields.ts';
import type { ImportReferences, Placement } from './references.ts';

/** One data row of the file, read into field values. */
export interface ImportRow {
  rowNumber: number;
  /** Values by field key: text, decimal text, whole numbers, days, ids; empty and unreadable cells are absent. */
  values: Record<string, unknown>;
  /** Each mapped, non-empty cell as it will be saved (a date as 2026-12-31, an owner by name). */
  cells: Array<{ field: string; value: string }>;
  /** Cells that could not be read, with the text they hold. */
  errors: Array<FieldError & { value: string }>;
}

/** A mapped column: its index in the rows and the field it holds. */
export interface MappedColumn {
  index: number;
  field: ImportField;
}

export function readRow(row: CsvRow, columns: MappedColumn[], references: ImportReferences): ImportRow {
  const result: ImportRow = { rowNumber: row.rowNumber, values: {}, cells: [], errors: [] };
  // The pipeline first: it decides which stage a stage name means.
  const ordered = [...columns].sort((a, b) => Number(b.field.type === 'pipeline') - Number(a.field.type === 'pipeline'));
  for (const { index, field } of ordered) {
    const text = (row.cells[index] ?? '').trim();
    if (!text) continue;
    const parsed = readValue(field, text, references, result.values);
    if ('reason' in parsed) {
      result.errors.push({ field: field.key, reason: parsed.reason, message: parsed.message, value: text });
      continue;
    }
    result.values[field.key] = parsed.value.value;
    result.cells.push({ field: field.key, value: parsed.value.shown });
  }
  const order = new Map(columns.map((column, position) => [column.field.key, position]));
  result.cells.sort((a, b) => order.get(a.field)! - order.get(b.field)!);
  return result;
}

type Read = ParsedValue<{ value: unknown; shown: string }>;

function readValue(field: ImportField, text: string, references: ImportReferences, values: Record<string, unknown>): Read {
  switch (field.type) {
    case 'text':
      return shown(text, text);
    case 'decimal':
      return map(parseDecimal(text), (value) => shown(value, value));
    case 'wholeNumber':
      return map(parseWholeNumber(text), (value) => shown(value, String(value)));
    case 'day':
      return map(parseDay(text), (value) => shown(value, value.toISOString().slice(0, 10)));
    case 'country':
      return map(countryCode(text), (code) => shown(code, code));
    case 'user':
      return map(references.user(text), (user) => shown(user.id, user.name));
    case 'team':
      return map(references.team(text), (team) => shown(team.id, team.name));
    case 'status':
      return map(references.status(text), (status) => shown(status.id, status.name));
    case 'source':
      return map(references.source(text), (source) => shown(source.id, source.name));
    case 'priority':
      return map(references.priority(text), (priority) => shown(priority.id, priority.name));
    case 'forecastCategory':
      return map(references.forecastCategory(text), (category) => shown(category.id, category.name));
    case 'tags':
      return map(references.tagList(text), (tags) => shown(tags.map((tag) => tag.id), tags.map((tag) => tag.name).join(', ')));
    case 'pipeline':
      return map(references.pipeline(text), ({ name, ...placement }) => shown(placement, name));
    case 'stage':
      return map(references.stage(text, (values.pipeline as Placement | undefined)?.pipelineId), ({ name, ...placement }) =>
        shown(placement, name),
      );
  }
}

const shown = (value: unknown, text: string): Read => ({ value: { value, shown: text } });

function map<T>(parsed: ParsedValue<T>, then: (value: T) => Read): Read {
  return 'reason' in parsed ? parsed : then(parsed.value);
}

let countriesByName: Map<string, string> | undefined;

/** `DE`, `Deutschland`, `Germany`, `Österreich`, `Sweden` → the ISO 3166-1 code. */
function countryCode(text: string): ParsedValue<string> {
  const upper = text.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return { value: upper };
  countriesByName ??= buildCountryNames();
  const code = countriesByName.get(text.trim().toLowerCase());
  return code ? { value: code } : { reason: 'NOT_FOUND', message: `Unknown country ${text.trim()}: use a code like DE.` };
}

function buildCountryNames(): Map<string, string> {
  const names = new Map<string, string>();
  const displays = ['de', 'en'].map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      for (const display of displays) {
        const name = display.of(code);
        if (name) names.set(name.toLowerCase(), code);
      }
    }
  }
  return names;
}
