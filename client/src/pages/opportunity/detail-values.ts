import type { TFunction } from 'i18next';
import type { OpportunityDetailFieldsFragment, UpdateOpportunityInput } from '../../gql/graphql.ts';
import type { Formats } from '../../i18n/format.ts';
import { textOrNull, type FieldErrors } from '../../lib/field-errors.ts';

/** The editable business fields of an opportunity, as form text. */
export interface DetailValues extends Record<string, string> {
  title: string;
  accountId: string;
  /** Shown by the account picker; never sent. */
  accountName: string;
  contactId: string;
  ownerId: string;
  teamId: string;
  pipelineId: string;
  stageId: string;
  amount: string;
  probability: string;
  expectedCloseDate: string;
  revenueStartDate: string;
  deliveryDate: string;
  dealStartDate: string;
  forecastCategoryKey: string;
  priorityKey: string;
  sourceId: string;
  competitor: string;
  nextStep: string;
  description: string;
  /** Sorted ids joined with commas, so that comparing two values is comparing two strings. */
  tagIds: string;
}

/** The API's field paths the form shows, for placing a ValidationError's entries. */
export const DETAIL_FIELDS = [
  'title',
  'accountId',
  'contactId',
  'ownerId',
  'teamId',
  'pipelineId',
  'stageId',
  'amount',
  'probability',
  'expectedCloseDate',
  'revenueStartDate',
  'deliveryDate',
  'dealStartDate',
  'forecastCategoryKey',
  'priorityKey',
  'sourceId',
  'competitor',
  'nextStep',
  'description',
  'tagIds',
] as const;

/** The opportunity as the form shows it; the amount is written the way the user's language writes it. */
export function detailValuesOf(opportunity: OpportunityDetailFieldsFragment, formats: Formats): DetailValues {
  return {
    title: opportunity.title,
    accountId: opportunity.accountId,
    // An account of another team keeps its place without its name (the form says so).
    accountName: opportunity.account?.name ?? '',
    contactId: opportunity.contact?.id ?? '',
    ownerId: opportunity.owner.id,
    teamId: opportunity.team.id,
    pipelineId: opportunity.pipeline.id,
    stageId: opportunity.stage.id,
    amount: formats.moneyInput(opportunity.amount),
    probability: String(opportunity.probability),
    expectedCloseDate: opportunity.expectedCloseDate,
    revenueStartDate: opportunity.revenueStartDate ?? '',
    deliveryDate: opportunity.deliveryDate ?? '',
    dealStartDate: opportunity.dealStartDate ?? '',
    forecastCategoryKey: opportunity.forecastCategory.key,
    priorityKey: opportunity.priority?.key ?? '',
    sourceId: opportunity.source?.id ?? '',
    competitor: opportunity.competitor ?? '',
    nextStep: opportunity.nextStep ?? '',
    description: opportunity.description ?? '',
    tagIds: joinIds(opportunity.tags.map((tag) => tag.id)),
  };
}

export const joinIds = (ids: readonly string[]) => [...ids].sort().join(',');
export const splitIds = (text: string) => (text ? text.split(',') : []);

/**
 * The update input for the changed fields only ("only the given fields change"), or the field
 * errors of text that cannot even be sent (an amount that is no number, a probability that is no
 * whole number). Everything else is left to the server's validation.
 */
export function updateInputOf(
  values: DetailValues,
  changed: readonly (keyof DetailValues)[],
  { t, formats }: { t: TFunction; formats: Formats },
): { input: UpdateOpportunityInput; errors?: undefined } | { input?: undefined; errors: FieldErrors } {
  const input: UpdateOpportunityInput = {};
  const errors: FieldErrors = {};
  const has = (key: keyof DetailValues) => changed.includes(key);

  if (has('title')) input.title = values.title;
  if (has('accountId')) {
    if (values.accountId) input.accountId = values.accountId;
    else errors.accountId = t('errors.accountRequired');
  }
  if (has('contactId')) input.contactId = values.contactId || null;
  if (has('ownerId')) input.ownerId = values.ownerId;
  if (has('teamId')) input.teamId = values.teamId;
  // A stage belongs to a pipeline: send both when either changed.
  if (has('pipelineId') || has('stageId')) {
    input.pipelineId = values.pipelineId;
    input.stageId = values.stageId;
  }
  if (has('amount')) {
    const amount = formats.parseMoney(values.amount);
    if (amount === undefined) errors.amount = t('errors.amountFormat', { example: formats.moneyInput('12500.5') });
    else input.amount = amount;
  }
  if (has('probability')) {
    const text = values.probability.trim().replace(/\s*%$/, '');
    if (text === '') input.probability = null;
    else if (/^\d{1,3}$/.test(text)) input.probability = Number(text);
    else errors.probability = t('errors.wholePercentage');
  }
  for (const key of ['expectedCloseDate', 'revenueStartDate', 'deliveryDate', 'dealStartDate'] as const) {
    if (has(key)) input[key] = values[key] || null;
  }
  if (has('forecastCategoryKey')) input.forecastCategoryKey = values.forecastCategoryKey;
  if (has('priorityKey')) input.priorityKey = values.priorityKey || null;
  if (has('sourceId')) input.sourceId = values.sourceId || null;
  if (has('competitor')) input.competitor = textOrNull(values.competitor);
  if (has('nextStep')) input.nextStep = textOrNull(values.nextStep);
  if (has('description')) input.description = textOrNull(values.description);
  if (has('tagIds')) input.tagIds = splitIds(values.tagIds);

  return Object.keys(errors).length > 0 ? { errors } : { input };
}
