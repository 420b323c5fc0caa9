import type { ActivityFilter, ActivityStatus, ActivityType } from '../../gql/graphql.ts';
import { ACTIVITY_TYPES } from '../../components/opportunity/activity-format.ts';
import { addDaysTo, instantOf } from './zoned-time.ts';

/**
 * The activity list's and the week's filters as they stand in the URL (so a view can be shared
 * or bookmarked) and as the API's ActivityFilter. Absent parameters are the defaults: the viewer's
 * own activities, of any team, type and status, at any date.
 */
export type StatusChoice = '' | 'open' | 'overdue' | 'done';
export const STATUS_CHOICES: readonly StatusChoice[] = ['', 'open', 'overdue', 'done'];

export interface ActivityListParams {
  /** 'me', 'all', or a user's id. */
  assignee: string;
  /** A team's id, or '' for any. */
  team: string;
  type: ActivityType | '';
  status: StatusChoice;
  /** First and last day (YYYY-MM-DD, organisation's calendar); '' for open-ended. */
  from: string;
  to: string;
  /** Words in subject, notes or outcome. */
  q: string;
}

export const DEFAULT_PARAMS: ActivityListParams = { assignee: 'me', team: '', type: '', status: '', from: '', to: '', q: '' };

const STATUSES: Record<Exclude<StatusChoice, ''>, ActivityStatus[]> = {
  open: ['OPEN', 'OVERDUE'],
  overdue: ['OVERDUE'],
  done: ['COMPLETED'],
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readParams(search: URLSearchParams): ActivityListParams {
  const type = search.get('type') ?? '';
  const status = search.get('status') ?? '';
  const day = (name: string) => {
    const value = search.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    assignee: search.get('assignee') || DEFAULT_PARAMS.assignee,
    team: search.get('team') ?? '',
    type: (ACTIVITY_TYPES as readonly string[]).includes(type) ? (type as ActivityType) : '',
    status: (STATUS_CHOICES as readonly string[]).includes(status) ? (status as StatusChoice) : '',
    from: day('from'),
    to: day('to'),
    q: search.get('q') ?? '',
  };
}

/** The URL's query for these filters, without the defaults; `keep` adds parameters of the page (the week). */
export function writeParams(params: ActivityListParams, keep: Record<string, string> = {}): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of Object.keys(DEFAULT_PARAMS) as (keyof ActivityListParams)[]) {
    if (params[key] !== DEFAULT_PARAMS[key]) query[key] = params[key];
  }
  return { ...query, ...keep };
}

/**
 * The API filter. The date range is of the due date, except when only done activities are
 * listed: then it is of the day they were done. The week view leaves status and dates out (`withDates: false`).
 */
export function toFilter(params: ActivityListParams, timeZone: string, { withDates = true } = {}): ActivityFilter {
  const filter: ActivityFilter = {};
  if (params.assignee === 'me') filter.mine = true;
  else if (params.assignee !== 'all') filter.assigneeIds = [params.assignee];
  if (params.team) filter.teamIds = [params.team];
  if (params.type) filter.types = [params.type];
  if (params.q.trim()) filter.search = params.q.trim();
  if (!withDates) return filter;
  if (params.status) filter.status = STATUSES[params.status];
  const from = params.from ? instantOf(params.from, '', timeZone) : null;
  const to = params.to ? instantOf(addDaysTo(params.to, 1), '', timeZone) : null;
  if (params.status === 'done') {
    if (from) filter.doneFrom = from;
    if (to) filter.doneTo = to;
  } else {
    if (from) filter.dueFrom = from;
    if (to) filter.dueTo = to;
  }
  return filter;
}
