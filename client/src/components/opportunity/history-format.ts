import { formatDate, formatDateTime } from '../../lib/format.ts';
import { formatEur } from './money.ts';

/** Field names of the history (the API's tracked fields and events) for people. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  kind: 'Kind',
  status: 'Status',
  accountId: 'Account',
  contactId: 'Contact',
  ownerId: 'Owner',
  teamId: 'Team',
  pipelineId: 'Pipeline',
  stageId: 'Stage',
  amount: 'Amount',
  probability: 'Probability',
  weightedAmount: 'Weighted amount',
  expectedCloseDate: 'Expected close',
  revenueStartDate: 'Revenue start',
  deliveryDate: 'Delivery date',
  dealStartDate: 'Deal start',
  priorityKey: 'Priority',
  sourceId: 'Source',
  competitor: 'Competitor',
  nextStep: 'Next step',
  forecastCategoryKey: 'Forecast category',
  description: 'Description',
  winLossReport: 'Win/loss report',
  lossReasonId: 'Loss reason',
  closedAt: 'Closed',
};

const EVENT_LABELS: Record<string, string> = {
  CREATED: 'Created',
  FOLLOWED: 'Started following',
  UNFOLLOWED: 'Stopped following',
  ACTIVITY_ADDED: 'Activity added',
  ACTIVITY_COMPLETED: 'Activity completed',
  ACTIVITY_REOPENED: 'Activity reopened',
  ACTIVITY_DELETED: 'Activity deleted',
};

const MONEY = new Set(['amount', 'weightedAmount']);
const DAYS = new Set(['expectedCloseDate', 'revenueStartDate', 'deliveryDate', 'dealStartDate']);

export interface HistoryEntryLike {
  field: string;
  oldDisplay?: string | null;
  newDisplay?: string | null;
  newValue?: unknown;
}

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? EVENT_LABELS[field] ?? field;

const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: { OPEN: 'Open', WON: 'Won', LOST: 'Lost' },
  kind: { LEAD: 'Lead', DEAL: 'Deal' },
};

function displayValue(field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (ENUM_LABELS[field]) return ENUM_LABELS[field][value] ?? value;
  if (MONEY.has(field)) return formatEur(value);
  if (DAYS.has(field)) return formatDate(value);
  if (field === 'closedAt') return formatDateTime(value);
  if (field === 'probability') return `${value} %`;
  return value;
}

/** One line about one change: "Stage: Qualified → Proposal", "Activity added: Call Ms Berg". */
export function describeChange(entry: HistoryEntryLike): { label: string; detail: string | null; before?: string; after?: string } {
  if (entry.field in EVENT_LABELS) {
    const value = entry.newValue as { subject?: unknown } | null | undefined;
    const subject = value && typeof value === 'object' && typeof value.subject === 'string' ? value.subject : null;
    return { label: EVENT_LABELS[entry.field], detail: entry.field === 'CREATED' ? null : subject };
  }
  if (entry.field === 'description' || entry.field === 'winLossReport') {
    return { label: fieldLabel(entry.field), detail: entry.newDisplay ? 'changed' : 'cleared' };
  }
  const before = displayValue(entry.field, entry.oldDisplay);
  const after = displayValue(entry.field, entry.newDisplay);
  return { label: fieldLabel(entry.field), detail: `${before} → ${after}`, before, after };
}
