import type { Opportunity } from '../../generated/prisma/client.ts';
import { opportunityReadWhere } from '../access.ts';
import { withinBatch } from '../batch.ts';
import { DomainError } from '../errors.ts';
import { createOpportunities, updateOpportunityInTransaction, type CreateOpportunityInput } from '../opportunities.ts';
import { accountInput } from './account-import.ts';
import { contactInput } from './contact-import.ts';
import { emptyFieldsFilled, errorsOf, failed, type ImportContext, type ImportRows, type RecordRef, type RowResult } from './import-rows.ts';
import { accountLink, contactRef, linkAccounts, linkContacts, type Link } from './linking.ts';
import type { Placement } from './references.ts';
import type { ImportRow } from './row-values.ts';

type Values = Record<string, unknown>;

const CONTACT_FIELDS = ['contact.firstName', 'contact.lastName', 'contact.email', 'contact.phone'];

/**
 * The domain input of an opportunity; without a team column it lands in its account's team (the
 * opportunity rule), and in a deal pipeline it is a DEAL.
 */
function opportunityInput(values: Values, accountId: string | undefined, contactId: string | undefined): CreateOpportunityInput {
  const value = (key: string) => values[key] as never;
  const placement = (values.stage ?? values.pipeline) as Placement | undefined;
  return {
    title: value('title'),
    accountId: accountId as string,
    contactId,
    ownerId: value('owner'),
    teamId: value('team'),
    kind: placement?.kind,
    pipelineId: placement?.pipelineId,
    stageId: placement?.stageId,
    amount: value('amount'),
    probability: value('probability'),
    expectedCloseDate: value('expectedCloseDate'),
    revenueStartDate: value('revenueStartDate'),
    deliveryDate: value('deliveryDate'),
    dealStartDate: value('dealStartDate'),
    priorityKey: value('priority'),
    sourceId: value('source'),
    competitor: value('competitor'),
    nextStep: value('nextStep'),
    forecastCategoryKey: value('forecastCategory'),
    description: value('description'),
    tagIds: value('tags'),
  };
}

const opportunityRef = (opportunity: Pick<Opportunity, 'id' | 'number' | 'title'>): RecordRef => ({
  type: 'Opportunity',
  id: opportunity.id,
  label: `OPP-${opportunity.number} ${opportunity.title}`,
});

/**
 * Opportunity rows: the account the row names is found or created, then its contact (when the row
 * names one), then the opportunity by the opportunity rules. An opportunity with the same title
 * at the same account counts as already imported: skipped, merged or (CREATE) created anyway.
 */
export const importOpportunityRows: ImportRows = async (context, rows) => {
  const accounts = await linkAccounts(
    context,
    rows.map((row) => (row.values['account.name'] ? { ...accountInput(row.values, context, 'account.'), tagIds: undefined } : null)),
  );
  const accountIds = accounts.map((link) => recordOf(link)?.id);
  const duplicates = context.policy === 'CREATE' ? rows.map(() => undefined) : await findDuplicates(context, rows, accountIds);
  const { accepted, duplicateOfEarlier } = withinBatch(
    rows.flatMap((row, position) =>
      duplicates[position] ? [] : [{ index: position, keys: titleKeys(row, accountIds[position]), checked: context.policy !== 'CREATE' }],
    ),
  );
  // A skipped row writes nothing, so its contact is neither looked for nor created.
  const skipped = (position: number) => context.policy === 'SKIP' && (duplicates[position] || duplicateOfEarlier.has(position));
  const contacts = await linkContacts(
    context,
    rows.map((row, position) =>
      accountIds[position] && !skipped(position) && CONTACT_FIELDS.some((key) => row.values[key] !== undefined)
        ? { ...contactInput(row.values, context, accountIds[position], 'contact.'), teamId: row.values.team as string | undefined }
        : null,
    ),
  );
  const contactIds = contacts.map((link) => recordOf(link)?.id);
  const results = await createOpportunities(
    context.tx,
    context.viewer,
    accepted.map((position) => opportunityInput(rows[position].values, accountIds[position], contactIds[position])),
    { now: context.now },
  );
  const created = new Map(accepted.map((position, index) => [position, results[index]]));

  const report: RowResult[] = [];
  for (const [position, row] of rows.entries()) {
    const links = [accounts[position], contacts[position]];
    const linkErrors = links.flatMap((link) => (link && 'errors' in link ? link.errors : []));
    if (!accounts[position]) linkErrors.unshift({ field: 'account.name', reason: 'REQUIRED', message: 'This field is required.' });
    const result = created.get(position);
    // Without its account the opportunity also misses its account id; the account's errors say why.
    const ownErrors = (result instanceof DomainError ? errorsOf(result) : []).filter(
      (error) => !(linkErrors.length && error.field === 'account.name'),
    );
    if (linkErrors.length || ownErrors.length || row.errors.length) {
      report.push(failed(row, [...linkErrors, ...ownErrors]));
      continue;
    }
    const linked = [
      ...(recordOf(accounts[position]) ? [accountLink(recordOf(accounts[position])!, createdBy(accounts[position]))] : []),
      ...(recordOf(contacts[position]) ? [{ ...contactRef(recordOf(contacts[position])!), created: createdBy(contacts[position]) }] : []),
    ];
    const earlier = duplicateOfEarlier.has(position) ? created.get(duplicateOfEarlier.get(position)!) : undefined;
    const existing = duplicates[position] ?? earlier;
    if (result) report.push({ outcome: 'IMPORTED', errors: [], record: opportunityRef(result as Opportunity), linked });
    else if (existing instanceof DomainError) {
      // The earlier row failed, so this batch runs again without it; what this row would be is decided then.
      report.push({ outcome: 'SKIPPED', errors: [], linked });
    } else report.push({ ...(await onDuplicate(context, row, existing!, contactIds[position])), linked });
  }
  return report;
};

function recordOf<Record>(link: Link<Record>): Record | undefined {
  return link && 'record' in link ? link.record : undefined;
}

const createdBy = (link: Link<unknown>) => Boolean(link && 'created' in link && link.created);

const titleKeys = (row: ImportRow, accountId: string | undefined) =>
  accountId && typeof row.values.title === 'string' ? [`${accountId}:${row.values.title.trim().toLowerCase()}`] : [];

/** Per row, an opportunity the viewer can read with the same title at the same account. */
async function findDuplicates(context: ImportContext, rows: ImportRow[], accountIds: Array<string | undefined>) {
  const keyed = rows.map((row, position) => titleKeys(row, accountIds[position])[0]);
  const wanted = rows.filter((_row, position) => keyed[position]);
  if (wanted.length === 0) return rows.map(() => undefined);
  const candidates = await context.tx.opportunity.findMany({
    where: {
      AND: [
        opportunityReadWhere(context.viewer),
        { accountId: { in: [...new Set(accountIds.filter((id): id is string => Boolean(id)))] } },
        { title: { in: [...new Set(wanted.map((row) => String(row.values.title).trim()))], mode: 'insensitive' } },
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return keyed.map((key) => (key ? candidates.find((candidate) => `${candidate.accountId}:${candidate.title.toLowerCase()}` === key) : undefined));
}

async function onDuplicate(context: ImportContext, row: ImportRow, existing: Opportunity, contactId: string | undefined): Promise<RowResult> {
  const duplicateOf = opportunityRef(existing);
  if (context.policy !== 'MERGE') return { outcome: 'SKIPPED', errors: [], duplicateOf, linked: [] };
  const input = opportunityInput(row.values, existing.accountId, contactId);
  const patch = {
    ...emptyFieldsFilled(existing, {
      contactId: input.contactId,
      priorityKey: input.priorityKey,
      sourceId: input.sourceId,
      competitor: input.competitor,
      nextStep: input.nextStep,
      description: input.description,
      revenueStartDate: input.revenueStartDate,
      deliveryDate: input.deliveryDate,
      dealStartDate: input.dealStartDate,
    }),
    ...(input.amount !== undefined && existing.amount.isZero() ? { amount: input.amount } : {}),
  };
  if (Object.keys(patch).length) {
    try {
      await updateOpportunityInTransaction(context.tx, context.viewer, existing.id, patch, { now: context.now });
    } catch (error) {
      if (error instanceof DomainError) return failed(row, errorsOf(error));
      throw error;
    }
  }
  return { outcome: 'MERGED', errors: [], record: duplicateOf, duplicateOf, linked: [] };
}
