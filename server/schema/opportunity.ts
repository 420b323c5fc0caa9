import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder, type InputFields } from '../builder.ts';
import { canReadCustomerRecord, canReadSalesRecord, canWriteSalesRecord, salesRecordReadWhere } from '../domain/access.ts';
import { ConflictError, OpportunityClosedError, ValidationError } from '../domain/errors.ts';
import {
  convertToDeal,
  createOpportunity,
  deleteOpportunity,
  loseOpportunity,
  moveOpportunity,
  reopenOpportunity,
  setOpportunityLines,
  updateOpportunity,
  winOpportunity,
} from '../domain/opportunities.ts';
import { daysWithoutActivity, isStale, opportunityHumanId } from '../domain/opportunity-queries.ts';
import { AccountRef } from './account.ts';
import { ContactRef } from './contact.ts';
import { ErrorInterface } from './error.ts';
import { decodeId, decodeInputId, decodeInputIds } from './ids.ts';
import { OpenActivitiesChoiceEnum } from './open-activities-choice.ts';
import { OpportunityKindEnum } from './opportunity-kind.ts';
import { TagRef } from './tag.ts';
import { requireViewer } from './viewer.ts';

export const OpportunityStatusEnum = builder.enumType('OpportunityStatus', {
  values: ['OPEN', 'WON', 'LOST'] as const,
});

export const OpportunityRef = builder.prismaNode('Opportunity', {
  id: { field: 'id' },
  // A missing or unreadable record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'A sales opportunity: a LEAD until converted, then a DEAL.',
  findUnique: (id, context) => ({ id, ...salesRecordReadWhere(requireViewer(context)) }),
  // Only the columns the asked fields need: a board card reads a dozen of the 32 (issue 13). The
  // team is always there for the read check above every field.
  select: { id: true, teamId: true },
  runScopesOnType: true,
  authScopes: (opportunity, context) => context.viewer !== null && canReadSalesRecord(context.viewer, opportunity),
  fields: (t) => ({
    humanId: t.string({ description: 'Short id like OPP-1042.', select: { number: true }, resolve: opportunityHumanId }),
    kind: t.expose('kind', { type: OpportunityKindEnum }),
    title: t.exposeString('title'),
    status: t.expose('status', { type: OpportunityStatusEnum }),
    // Linked records of another team (after a reassignment) are null: the opportunity may be read,
    // they may not. Their ids stay visible (README, "Access").
    account: t.field({
      type: AccountRef,
      nullable: true,
      description: 'Null when the viewer may not read the account (it belongs to another team); `accountId` still names it.',
      select: (_args, _context, nestedSelection) => ({ account: nestedSelection(true) }),
      resolve: (opportunity, _args, context) => (canReadCustomerRecord(requireViewer(context), opportunity.account) ? opportunity.account : null),
    }),
    accountId: t.id({ select: { accountId: true }, resolve: (opportunity) => encodeGlobalID('Account', opportunity.accountId) }),
    contact: t.field({
      type: ContactRef,
      nullable: true,
      description: 'Null without a contact, or when the viewer may not read it.',
      select: (_args, _context, nestedSelection) => ({ contact: nestedSelection(true) }),
      resolve: (opportunity, _args, context) =>
        opportunity.contact && canReadCustomerRecord(requireViewer(context), opportunity.contact) ? opportunity.contact : null,
    }),
    owner: t.relation('owner'),
    team: t.relation('team'),
    pipeline: t.relation('pipeline'),
    stage: t.relation('stage'),
    amount: t.expose('amount', { type: 'Decimal', description: 'Expected value in EUR; the sum of the lines when there are any.' }),
    probability: t.exposeInt('probability', { description: '0-100; the stage default after a move unless overridden.' }),
    weightedAmount: t.expose('weightedAmount', { type: 'Decimal', description: 'amount x probability / 100.' }),
    expectedCloseDate: t.expose('expectedCloseDate', { type: 'Date' }),
    revenueStartDate: t.expose('revenueStartDate', { type: 'Date', nullable: true }),
    deliveryDate: t.expose('deliveryDate', { type: 'Date', nullable: true }),
    dealStartDate: t.expose('dealStartDate', { type: 'Date', nullable: true }),
    priority: t.relation('priority', { nullable: true }),
    source: t.relation('source', { nullable: true }),
    competitor: t.exposeString('competitor', { nullable: true }),
    nextStep: t.exposeString('nextStep', { nullable: true }),
    forecastCategory: t.relation('forecastCategory'),
    description: t.exposeString('description', { nullable: true }),
    winLossReport: t.exposeString('winLossReport', { nullable: true }),
    lossReason: t.relation('lossReason', { nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    stageEnteredAt: t.expose('stageEnteredAt', { type: 'DateTime' }),
    lastActivityAt: t.expose('lastActivityAt', { type: 'DateTime', nullable: true }),
    daysWithoutActivity: t.int({
      description: 'Days since the last activity on the opportunity, its account or contact (or since creation).',
      select: { lastActivityAt: true, createdAt: true },
      resolve: (opportunity) => daysWithoutActivity(opportunity, new Date()),
    }),
    isStale: t.boolean({
      description: 'Open and without activity for longer than the organisation allows (default 14 days).',
      select: { status: true, lastActivityAt: true, createdAt: true },
      resolve: async (opportunity, _args, context) =>
        isStale(opportunity, { now: new Date(), staleAfterDays: await context.loaders.staleAfterDays.load('organisation') }),
    }),
    version: t.exposeInt('version', { description: 'Send it back with changes; a stale version gets a ConflictError.' }),
    lines: t.relation('lines', { query: { orderBy: { position: 'asc' } } }),
    tags: t.field({
      type: [TagRef],
      select: { tags: { select: { tag: true }, orderBy: { tag: { name: 'asc' } } } },
      resolve: (opportunity) => opportunity.tags.map((opportunityTag) => opportunityTag.tag),
    }),
    viewerCanEdit: t.boolean({
      description: 'Whether the viewer may change this opportunity (closed ones accept only the win/loss report).',
      select: { ownerId: true, teamId: true },
      resolve: (opportunity, _args, context) => canWriteSalesRecord(requireViewer(context), opportunity),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.objectType(OpportunityClosedError, {
  name: 'OpportunityClosedError',
  description: 'The opportunity is won or lost: its business data is frozen (the win/loss report stays writable). Nothing was written.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof OpportunityClosedError,
  fields: (t) => ({
    status: t.expose('status', { type: OpportunityStatusEnum }),
    fields: t.exposeStringList('fields', { description: 'The rejected fields.' }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'Someone changed the record after the caller read it. Nothing was written; `current` is the state now.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion'),
    current: t.prismaField({
      type: 'Opportunity',
      nullable: true,
      resolve: (query, error, _args, context) =>
        context.prisma.opportunity.findFirst({ ...query, where: { id: error.id, ...salesRecordReadWhere(requireViewer(context)) } }),
    }),
  }),
});

builder.queryFields((t) => ({
  opportunity: t.prismaField({
    type: 'Opportunity',
    nullable: true,
    description: 'An opportunity by id (or `humanId` like OPP-1042); null when missing or not readable.',
    authScopes: { sales: true },
    args: { id: t.arg.id(), humanId: t.arg.string() },
    resolve: (query, _root, args, context) => {
      const viewerWhere = salesRecordReadWhere(requireViewer(context));
      if (args.id) return context.prisma.opportunity.findFirst({ ...query, where: { id: decodeId(args.id, 'Opportunity', 'id'), ...viewerWhere } });
      const number = /^OPP-(\d{1,9})$/i.exec(args.humanId ?? '')?.[1];
      if (!number) throw ValidationError.field('humanId', 'INVALID_FORMAT', 'Give an id or a human id like OPP-1042.');
      return context.prisma.opportunity.findFirst({ ...query, where: { number: Number(number), ...viewerWhere } });
    },
  }),
}));

const businessInputFields = (t: InputFields) => ({
  title: t.string(),
  contactId: t.id(),
  ownerId: t.id({ description: 'Defaults to the viewer.' }),
  teamId: t.id({ description: "Defaults to the account's team when the owner belongs to it." }),
  pipelineId: t.id(),
  stageId: t.id({ description: 'Moving to a stage sets its default probability unless `probability` is given too.' }),
  amount: t.field({ type: 'Decimal', description: 'EUR. Not allowed while the opportunity has lines.' }),
  probability: t.int({ description: '0-100; overrides the stage default.' }),
  expectedCloseDate: t.field({ type: 'Date', description: 'Defaults to today + 6 weeks on create.' }),
  revenueStartDate: t.field({ type: 'Date' }),
  deliveryDate: t.field({ type: 'Date' }),
  dealStartDate: t.field({ type: 'Date' }),
  priorityKey: t.string(),
  sourceId: t.id({ description: "Defaults to the account's source on create." }),
  competitor: t.string(),
  nextStep: t.string(),
  forecastCategoryKey: t.string(),
  description: t.string(),
  tagIds: t.idList(),
  campaignId: t.id({ description: 'The campaign the opportunity came from; its invoices count for the campaign.' }),
});

const CreateOpportunityInput = builder.inputType('CreateOpportunityInput', {
  fields: (t) => ({
    ...businessInputFields(t),
    title: t.string({ required: true }),
    accountId: t.id({ required: true }),
    kind: t.field({ type: OpportunityKindEnum, description: 'LEAD when omitted; `pipelineId` must be a pipeline of this kind.' }),
  }),
});

const UpdateOpportunityInput = builder.inputType('UpdateOpportunityInput', {
  description: 'Only the given fields change; null clears an optional field.',
  fields: (t) => ({
    ...businessInputFields(t),
    accountId: t.id(),
    winLossReport: t.string({ description: 'Writable also after the opportunity is closed.' }),
  }),
});

const OpportunityLineInput = builder.inputType('OpportunityLineInput', {
  fields: (t) => ({
    productId: t.id(),
    description: t.string({ description: "Defaults to the product's name; required without product." }),
    quantity: t.field({ type: 'Decimal', required: true }),
    unitPrice: t.field({ type: 'Decimal', description: "Defaults to the product's price; required without product." }),
    discountPercent: t.field({ type: 'Decimal' }),
  }),
});

type BusinessInput = Partial<Record<keyof ReturnType<typeof businessInputFields>, unknown>> & Record<string, unknown>;

/** Global ids to database ids; malformed ones are reported by the domain's validation with the other field errors. */
function decodeOpportunityInput(input: BusinessInput) {
  return {
    ...input,
    accountId: decodeInputId(input.accountId as string | null | undefined, 'Account') ?? undefined,
    contactId: decodeInputId(input.contactId as string | null | undefined, 'Contact'),
    ownerId: decodeInputId(input.ownerId as string | null | undefined, 'User'),
    teamId: decodeInputId(input.teamId as string | null | undefined, 'Team'),
    pipelineId: decodeInputId(input.pipelineId as string | null | undefined, 'Pipeline'),
    stageId: decodeInputId(input.stageId as string | null | undefined, 'Stage'),
    sourceId: decodeInputId(input.sourceId as string | null | undefined, 'Source'),
    tagIds: decodeInputIds(input.tagIds as string[] | null | undefined, 'Tag'),
    campaignId: decodeInputId(input.campaignId as string | null | undefined, 'Campaign'),
  };
}

/** Every opportunity mutation returns the opportunity or one of these typed failures. */
const changeErrors = [ValidationError, OpportunityClosedError, ConflictError];

function opportunityMutation(name: string) {
  return {
    types: changeErrors,
    result: { name: `${name}Success` },
    union: { name: `${name}Result` },
    dataField: { name: 'opportunity' },
  };
}

const VERSION_DESCRIPTION = 'The version the caller last saw; a stale one gets a ConflictError.';

builder.mutationFields((t) => ({
  createOpportunity: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description: 'Creates a LEAD in a lead pipeline (the first one unless chosen).',
    errors: opportunityMutation('CreateOpportunity'),
    args: { input: t.arg({ type: CreateOpportunityInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const created = await createOpportunity(context.prisma, requireViewer(context), {
        ...decodeOpportunityInput(input),
        title: input.title,
        accountId: decodeInputId(input.accountId, 'Account') as string,
      } as Parameters<typeof createOpportunity>[2]);
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateOpportunity: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    errors: opportunityMutation('UpdateOpportunity'),
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateOpportunityInput, required: true }),
      version: t.arg.int({ description: VERSION_DESCRIPTION }),
    },
    resolve: async (query, _root, { id, input, version }, context) => {
      const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const decoded = decodeOpportunityInput(given);
      const changes = Object.fromEntries(Object.entries(decoded).filter(([key]) => key in given));
      const updated = await updateOpportunity(context.prisma, requireViewer(context), decodeId(id, 'Opportunity', 'id'), {
        ...(changes as Parameters<typeof updateOpportunity>[3]),
        expectedVersion: version,
      });
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: updated.id } });
    },
  }),
  moveOpportunity: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description: "Moves an open opportunity to another stage of its pipeline; probability becomes the stage's default.",
    errors: opportunityMutation('MoveOpportunity'),
    args: { id: t.arg.id({ required: true }), stageId: t.arg.id({ required: true }), version: t.arg.int({ description: VERSION_DESCRIPTION }) },
    resolve: async (query, _root, args, context) => {
      const moved = await moveOpportunity(
        context.prisma,
        requireViewer(context),
        decodeId(args.id, 'Opportunity', 'id'),
        decodeId(args.stageId, 'Stage', 'stageId'),
        { expectedVersion: args.version },
      );
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: moved.id } });
    },
  }),
  setOpportunityLines: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description: 'Replaces the lines; with lines, the amount is their sum.',
    errors: opportunityMutation('SetOpportunityLines'),
    args: {
      id: t.arg.id({ required: true }),
      lines: t.arg({ type: [OpportunityLineInput], required: true }),
      version: t.arg.int({ description: VERSION_DESCRIPTION }),
    },
    resolve: async (query, _root, args, context) => {
      const updated = await setOpportunityLines(
        context.prisma,
        requireViewer(context),
        decodeId(args.id, 'Opportunity', 'id'),
        args.lines.map((line) => ({ ...line, productId: decodeInputId(line.productId, 'Product') })),
        { expectedVersion: args.version },
      );
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: updated.id } });
    },
  }),
  convertToDeal: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description: 'Makes a LEAD a DEAL and moves it into a deal pipeline (the first one unless chosen).',
    errors: opportunityMutation('ConvertToDeal'),
    args: { id: t.arg.id({ required: true }), pipelineId: t.arg.id(), stageId: t.arg.id(), version: t.arg.int({ description: VERSION_DESCRIPTION }) },
    resolve: async (query, _root, args, context) => {
      const deal = await convertToDeal(context.prisma, requireViewer(context), decodeId(args.id, 'Opportunity', 'id'), {
        pipelineId: decodeInputId(args.pipelineId, 'Pipeline'),
        stageId: decodeInputId(args.stageId, 'Stage'),
        expectedVersion: args.version,
      });
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: deal.id } });
    },
  }),
  winOpportunity: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description: 'WON: probability 100, closed now, the account becomes a customer; business data is frozen afterwards.',
    errors: opportunityMutation('WinOpportunity'),
    args: {
      id: t.arg.id({ required: true }),
      winLossReport: t.arg.string(),
      version: t.arg.int({ description: VERSION_DESCRIPTION }),
      openActivities: t.arg({ type: OpenActivitiesChoiceEnum }),
    },
    resolve: async (query, _root, args, context) => {
      const won = await winOpportunity(context.prisma, requireViewer(context), decodeId(args.id, 'Opportunity', 'id'), {
        winLossReport: args.winLossReport,
        expectedVersion: args.version,
        openActivities: args.openActivities,
      });
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: won.id } });
    },
  }),
  loseOpportunity: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description: 'LOST: a loss reason is required; probability 0, closed now.',
    errors: opportunityMutation('LoseOpportunity'),
    args: {
      id: t.arg.id({ required: true }),
      lossReasonId: t.arg.id(),
      winLossReport: t.arg.string(),
      version: t.arg.int({ description: VERSION_DESCRIPTION }),
      openActivities: t.arg({ type: OpenActivitiesChoiceEnum }),
    },
    resolve: async (query, _root, args, context) => {
      const lost = await loseOpportunity(context.prisma, requireViewer(context), decodeId(args.id, 'Opportunity', 'id'), {
        lossReasonId: decodeInputId(args.lossReasonId, 'LossReason'),
        winLossReport: args.winLossReport,
        expectedVersion: args.version,
        openActivities: args.openActivities,
      });
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: lost.id } });
    },
  }),
  reopenOpportunity: t.prismaField({
    type: 'Opportunity',
    authScopes: { writer: true },
    description:
      "Takes a lost or won opportunity back into work at its stage's default probability. A won one with an order or invoice that is not cancelled is refused (`status`, HAS_ORDERS); its account stays a customer.",
    errors: opportunityMutation('ReopenOpportunity'),
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ description: VERSION_DESCRIPTION }) },
    resolve: async (query, _root, args, context) => {
      const reopened = await reopenOpportunity(context.prisma, requireViewer(context), decodeId(args.id, 'Opportunity', 'id'), {
        expectedVersion: args.version,
      });
      return context.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: reopened.id } });
    },
  }),
  deleteOpportunity: t.id({
    authScopes: { writer: true },
    errors: {
      types: [ValidationError],
      result: { name: 'DeleteOpportunitySuccess' },
      union: { name: 'DeleteOpportunityResult' },
      dataField: { name: 'deletedId' },
    },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      const deleted = await deleteOpportunity(context.prisma, requireViewer(context), decodeId(id, 'Opportunity', 'id'));
      return encodeGlobalID('Opportunity', deleted.id);
    },
  }),
}));
