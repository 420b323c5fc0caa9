import type { ParseKeys, TFunction } from 'i18next';
import type { Formats } from '../../i18n/format.ts';

/** Field names of the history (the API's tracked fields) for people. */
const FIELD_LABELS: Record<string, ParseKeys> = {
  title: 'opportunity.field.title',
  kind: 'opportunity.field.kind',
  status: 'opportunity.field.status',
  accountId: 'opportunity.field.account',
  contactId: 'opportunity.field.contact',
  ownerId: 'opportunity.field.owner',
  teamId: 'opportunity.field.team',
  pipelineId: 'opportunity.field.pipeline',
  stageId: 'opportunity.field.stage',
  amount: 'opportunity.field.amount',
  probability: 'opportunity.field.probability',
  weightedAmount: 'opportunity.field.weightedAmount',
  expectedCloseDate: 'opportunity.field.expectedClose',
  revenueStartDate: 'opportunity.field.revenueStart',
  deliveryDate: 'opportunity.field.deliveryDate',
  dealStartDate: 'opportunity.field.dealStart',
  priorityKey: 'opportunity.field.priority',
  sourceId: 'opportunity.field.source',
  competitor: 'opportunity.field.competitor',
  nextStep: 'opportunity.field.nextStep',
  forecastCategoryKey: 'opportunity.field.forecastCategory',
  description: 'opportunity.field.description',
  winLossReport: 'opportunity.field.winLossReport',
  lossReasonId: 'opportunity.field.lossReason',
  closedAt: 'opportunity.field.closedAt',
};

/** Events the history records besides field changes. */
const EVENT_LABELS: Record<string, ParseKeys> = {
  CREATED: 'opportunity.event.CREATED',
  FOLLOWED: 'opportunity.event.FOLLOWED',
  UNFOLLOWED: 'opportunity.event.UNFOLLOWED',
  ACTIVITY_ADDED: 'opportunity.event.ACTIVITY_ADDED',
  ACTIVITY_COMPLETED: 'opportunity.event.ACTIVITY_COMPLETED',
  ACTIVITY_REOPENED: 'opportunity.event.ACTIVITY_REOPENED',
  ACTIVITY_DELETED: 'opportunity.event.ACTIVITY_DELETED',
};

const ENUM_LABELS: Record<string, Record<string, ParseKeys>> = {
  status: { OPEN: 'opportunity.status.OPEN', WON: 'opportunity.status.WON', LOST: 'opportunity.status.LOST' },
  kind: { LEAD: 'opportunity.kind.LEAD', DEAL: 'opportunity.kind.DEAL' },
};

const MONEY = new Set(['amount', 'weightedAmount']);
const DAYS = new Set(['expectedCloseDate', 'revenueStartDate', 'deliveryDate', 'dealStartDate']);

export interface HistoryEntryLike {
  field: string;
  oldDisplay?: string | null;
  newDisplay?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  /** A value names a record of another team: its display is null. */
  restricted?: boolean;
}

/** A field's or event's name; a field this client does not know yet is shown as the API names it. */
export function fieldLabel(t: TFunction, field: string): string {
  const key = FIELD_LABELS[field] ?? EVENT_LABELS[field];
  return key ? t(key) : field;
}

function displayValue(t: TFunction, formats: Formats, field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const enumKey = ENUM_LABELS[field]?.[value];
  if (enumKey) return t(enumKey);
  if (MONEY.has(field)) return formats.money(value);
  if (DAYS.has(field)) return formats.day(value);
  if (field === 'closedAt') return formats.dateTime(value);
  if (field === 'probability') return formats.percent(value);
  return value;
}

/** One line about one change: "Stage: Qualified → Proposal", "Activity added: Call Ms Berg". */
export function describeChange(
  t: TFunction,
  formats: Formats,
  entry: HistoryEntryLike,
): { label: string; detail: string | null; before?: string; after?: string } {
  if (entry.field in EVENT_LABELS) {
    const value = entry.newValue as { subject?: unknown } | null | undefined;
    const subject = value && typeof value === 'object' && typeof value.subject === 'string' ? value.subject : null;
    return { label: fieldLabel(t, entry.field), detail: entry.field === 'CREATED' ? null : subject };
  }
  if (entry.field === 'description' || entry.field === 'winLossReport') {
    return { label: fieldLabel(t, entry.field), detail: entry.newDisplay ? t('opportunity.history.changed') : t('opportunity.history.cleared') };
  }
  const hidden = (display: string | null | undefined, value: unknown) =>
    entry.restricted && display == null && value != null ? t('common.restrictedRecord') : displayValue(t, formats, entry.field, display);
  const before = hidden(entry.oldDisplay, entry.oldValue);
  const after = hidden(entry.newDisplay, entry.newValue);
  return { label: fieldLabel(t, entry.field), detail: `${before} → ${after}`, before, after };
}
