import type { OpportunityKind, OpportunityStatusFilter } from '../../gql/graphql.ts';

/**
 * What the opportunity list shows: its filter, sort and columns. The URL holds all of it, so a
 * link (a bookmark, a shared view, the back button) opens the same rows; a saved view stores the
 * same three parts. The filter uses the names and values of the API's `OpportunityFilter`, so it
 * goes to the list query, into a saved view and back out unchanged.
 */

export const OPPORTUNITY_STATUSES = ['OPEN', 'WON', 'LOST'] as const satisfies readonly OpportunityStatusFilter[];
export const OPPORTUNITY_KINDS = ['LEAD', 'DEAL'] as const satisfies readonly OpportunityKind[];

export interface ListFilter {
  statuses?: OpportunityStatusFilter[];
  kinds?: OpportunityKind[];
  pipelineIds?: string[];
  stageIds?: string[];
  ownerIds?: string[];
  /** Only the viewer's own. */
  mine?: boolean;
  teamIds?: string[];
  tagIds?: string[];
  sourceIds?: string[];
  /** Calendar days, YYYY-MM-DD. */
  closeDateFrom?: string;
  closeDateTo?: string;
  /** Exact decimal text, e.g. "1234.5". */
  amountMin?: string;
  amountMax?: string;
  stale?: boolean;
  followed?: boolean;
  withoutOpenActivity?: boolean;
  search?: string;
}

type FieldKind = 'ids' | 'statuses' | 'kinds' | 'day' | 'decimal' | 'boolean' | 'text';

/** Every filter field the list offers, with how its value looks; the order is the URL's. */
const FILTER_FIELDS = {
  search: 'text',
  statuses: 'statuses',
  kinds: 'kinds',
  pipelineIds: 'ids',
  stageIds: 'ids',
  mine: 'boolean',
  ownerIds: 'ids',
  teamIds: 'ids',
  tagIds: 'ids',
  sourceIds: 'ids',
  closeDateFrom: 'day',
  closeDateTo: 'day',
  amountMin: 'decimal',
  amountMax: 'decimal',
  stale: 'boolean',
  followed: 'boolean',
  withoutOpenActivity: 'boolean',
} as const satisfies Record<keyof ListFilter, FieldKind>;

export type FilterField = keyof typeof FILTER_FIELDS;
const FIELD_NAMES = Object.keys(FILTER_FIELDS) as FilterField[];

/** The API's sort keys (OpportunitySortField) the list's columns sort by. */
export const SORT_FIELDS = [
  'TITLE',
  'ACCOUNT_NAME',
  'STAGE',
  'OWNER_NAME',
  'AMOUNT',
  'WEIGHTED_AMOUNT',
  'PROBABILITY',
  'EXPECTED_CLOSE_DATE',
  'STATUS',
  'LAST_ACTIVITY_AT',
  'DAYS_WITHOUT_ACTIVITY',
  'CREATED_AT',
  'UPDATED_AT',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type Direction = 'ASC' | 'DESC';

export interface ListSort {
  field: SortField;
  direction: Direction;
}

/** The server's order when the list names none. */
export const DEFAULT_SORT: ListSort = { field: 'EXPECTED_CLOSE_DATE', direction: 'ASC' };

/**
 * The columns one can show, in the order the chooser offers them. Their ids are the CSV export's
 * column keys, so an export takes the list's columns as they are.
 */
export const COLUMN_IDS = [
  'title',
  'account',
  'contact',
  'kind',
  'pipeline',
  'stage',
  'owner',
  'team',
  'amount',
  'weightedAmount',
  'probability',
  'expectedCloseDate',
  'status',
  'lastActivityAt',
  'stale',
  'source',
  'tags',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'title',
  'account',
  'stage',
  'owner',
  'amount',
  'weightedAmount',
  'probability',
  'expectedCloseDate',
  'status',
  'stale',
];

/** The sort key of each sortable column. */
export const COLUMN_SORT: Partial<Record<ColumnId, SortField>> = {
  title: 'TITLE',
  account: 'ACCOUNT_NAME',
  stage: 'STAGE',
  owner: 'OWNER_NAME',
  amount: 'AMOUNT',
  weightedAmount: 'WEIGHTED_AMOUNT',
  probability: 'PROBABILITY',
  expectedCloseDate: 'EXPECTED_CLOSE_DATE',
  status: 'STATUS',
  lastActivityAt: 'LAST_ACTIVITY_AT',
  stale: 'DAYS_WITHOUT_ACTIVITY',
};

export interface ListState {
  filter: ListFilter;
  /** Null: the server's order (DEFAULT_SORT). */
  sort: ListSort | null;
  /** Null: DEFAULT_COLUMNS. */
  columns: ColumnId[] | null;
}

export const EMPTY_STATE: ListState = { filter: {}, sort: null, columns: null };

// Reading values from a URL or a stored view: anything that does not fit is left out, so a
// hand-edited link or an old view still opens (with less filtered) instead of failing.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d{1,15}(\.\d{1,4})?$/;
const ID = /^[A-Za-z0-9+/=_-]{1,200}$/;

function valueOf(kind: FieldKind, raw: unknown): unknown {
  const list = (allowed?: readonly string[]) => {
    const items = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : []).filter(
      (item): item is string => typeof item === 'string' && (allowed ? allowed.includes(item) : ID.test(item)),
    );
    const unique = [...new Set(items)];
    return unique.length > 0 ? unique : undefined;
  };
  switch (kind) {
    case 'ids':
      return list();
    case 'statuses':
      return list(OPPORTUNITY_STATUSES);
    case 'kinds':
      return list(OPPORTUNITY_KINDS);
    case 'day':
      return typeof raw === 'string' && DAY.test(raw) ? raw : undefined;
    case 'decimal':
      return typeof raw === 'string' && DECIMAL.test(raw.trim()) ? raw.trim() : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
    case 'boolean':
      return raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : undefined;
    case 'text': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      return text ? text.slice(0, 200) : undefined;
    }
  }
}

/** A filter from anything shaped like one (a saved view's JSON), keeping only what is valid. */
export function filterFrom(raw: unknown): ListFilter {
  const source = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const filter: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) {
    const value = valueOf(FILTER_FIELDS[name], source[name]);
    if (value !== undefined) filter[name] = value;
  }
  return filter as ListFilter;
}

export function sortFrom(field: unknown, direction: unknown): ListSort | null {
  if (typeof field !== 'string' || !(SORT_FIELDS as readonly string[]).includes(field)) return null;
  return { field: field as SortField, direction: direction === 'DESC' ? 'DESC' : 'ASC' };
}

export function columnsFrom(raw: unknown): ColumnId[] | null {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  const known = [...new Set(items.filter((item): item is ColumnId => (COLUMN_IDS as readonly unknown[]).includes(item)))];
  return known.length > 0 ? known : null;
}

/** The list's state from the URL's query (`?statuses=WON&sort=AMOUNT&direction=DESC&columns=title,amount`). */
export function stateFromParams(params: URLSearchParams): ListState {
  const raw = Object.fromEntries(FIELD_NAMES.flatMap((name) => (params.has(name) ? [[name, params.get(name)]] : [])));
  return {
    filter: filterFrom(raw),
    sort: sortFrom(params.get('sort'), params.get('direction')),
    columns: columnsFrom(params.get('columns')),
  };
}

/** The URL query of a state, in a fixed order, leaving out what is the default. */
export function paramsOf(state: ListState, extra: { view?: string | null } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (extra.view) params.set('view', extra.view);
  const filter = filterFrom(state.filter);
  for (const name of FIELD_NAMES) {
    const value = filter[name];
    if (value === undefined) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (state.sort) {
    params.set('sort', state.sort.field);
    params.set('direction', state.sort.direction);
  }
  if (state.columns && !sameList(state.columns, DEFAULT_COLUMNS)) params.set('columns', state.columns.join(','));
  return params;
}

/** Whether two states show the same rows in the same order with the same columns. */
export function sameState(a: ListState, b: ListState): boolean {
  return paramsOf(a).toString() === paramsOf(b).toString();
}

export const visibleColumns = (state: ListState): readonly ColumnId[] => state.columns ?? DEFAULT_COLUMNS;

/** How many filter fields are set (the search counts too). */
export const activeFilterCount = (filter: ListFilter) => Object.keys(filterFrom(filter)).length;

/** Clicking a column's header: its key ascending, then descending, then the server's order. */
export function nextSort(current: ListSort | null, field: SortField): ListSort | null {
  const shown = current ?? DEFAULT_SORT;
  if (shown.field !== field) return { field, direction: 'ASC' };
  return shown.direction === 'ASC' ? { field, direction: 'DESC' } : null;
}

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
