import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder, type InputFields } from '../../builder.ts';
import { canReadSalesRecord, salesRecordReadWhere } from '../../domain/access.ts';
import { quoteListWhere } from '../../domain/billing/queries.ts';
import { acceptQuote, createQuote, deleteQuote, rejectQuote, sendQuote, updateQuote } from '../../domain/billing/quotes.ts';
import { decodeId, decodeInputId } from '../ids.ts';
import { requireViewer } from '../viewer.ts';
import { DocumentLineInput, documentFields, documentMutation, documentQueries, LINE_SELECT, QuoteStatusEnum, TaxGroupRef, taxesOf } from './document-common.ts';
import { decodeDocumentFilter, decodeLines, QuoteFilterInput } from './document-inputs.ts';

export const QuoteRef = builder.prismaNode('Quote', {
  id: { field: 'id' },
  nullable: true,
  description: 'A quote (Angebot): DRAFT -> SENT -> ACCEPTED / REJECTED / EXPIRED. Editable as a draft only.',
  findUnique: (id, context) => ({ id, ...salesRecordReadWhere(requireViewer(context)) }),
  runScopesOnType: true,
  authScopes: (quote, context) => context.viewer !== null && canReadSalesRecord(context.viewer, quote),
  fields: (t) => ({
    ...documentFields(t, {
      numberDescription: 'QUO-<year>-<sequence>.',
      status: QuoteStatusEnum,
      viewerCanEditDescription: 'Whether the viewer may change this quote (its content only while DRAFT).',
    }),
    taxes: t.field({ type: [TaxGroupRef], select: LINE_SELECT, resolve: (quote) => taxesOf(quote.lines) }),
    validUntil: t.expose('validUntil', { type: 'Date' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'When it was accepted, rejected or expired.' }),
    rejectionReason: t.exposeString('rejectionReason', { nullable: true }),
    introText: t.exposeString('introText', { nullable: true }),
    closingText: t.exposeString('closingText', { nullable: true }),
    order: t.relation('order', { nullable: true, description: 'The order made from this quote, once accepted.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

documentQueries({
  type: 'Quote',
  listDescription: 'Quotes the viewer may read, newest first. `filter.search` matches number, title and account.',
  lookupDescription: 'A quote by id or number (QUO-2026-0001); null when missing or not readable.',
  filter: QuoteFilterInput,
  listWhere: (viewer, filter) => quoteListWhere(viewer, decodeDocumentFilter(filter)),
});

const quoteContentFields = (t: InputFields) => ({
  title: t.string(),
  contactId: t.id(),
  validUntil: t.field({ type: 'Date', description: 'Defaults to 30 days from today.' }),
  introText: t.string(),
  closingText: t.string(),
  lines: t.field({ type: [DocumentLineInput], description: "Replaces the lines; on create, defaults to the opportunity's lines." }),
});

const CreateQuoteInput = builder.inputType('CreateQuoteInput', {
  description: 'From an opportunity (its account, contact, owner, team and lines) or standalone on an account (title required).',
  fields: (t) => ({
    ...quoteContentFields(t),
    opportunityId: t.id(),
    accountId: t.id(),
    ownerId: t.id({ description: 'Standalone quotes: defaults to the viewer.' }),
    teamId: t.id({ description: "Standalone quotes: defaults to the account's team." }),
  }),
});

const UpdateQuoteInput = builder.inputType('UpdateQuoteInput', {
  description: 'Changes a draft. Omitted fields stay; null clears an optional one.',
  fields: (t) => quoteContentFields(t),
});

function decodeQuoteInput(input: typeof CreateQuoteInput.$inferInput) {
  return {
    ...input,
    opportunityId: decodeInputId(input.opportunityId, 'Opportunity'),
    accountId: decodeInputId(input.accountId, 'Account'),
    contactId: decodeInputId(input.contactId, 'Contact'),
    ownerId: decodeInputId(input.ownerId, 'User'),
    teamId: decodeInputId(input.teamId, 'Team'),
    lines: decodeLines(input.lines),
  };
}

const quoteId = (id: string) => decodeId(id, 'Quote', 'id');

builder.mutationFields((t) => ({
  createQuote: t.prismaField({
    type: 'Quote',
    authScopes: { writer: true },
    errors: documentMutation('CreateQuote', 'quote'),
    args: { input: t.arg({ type: CreateQuoteInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const quote = await createQuote(context.prisma, requireViewer(context), decodeQuoteInput(input) as Parameters<typeof createQuote>[2]);
      return context.prisma.quote.findUniqueOrThrow({ ...query, where: { id: quote.id } });
    },
  }),
  updateQuote: t.prismaField({
    type: 'Quote',
    authScopes: { writer: true },
    errors: documentMutation('UpdateQuote', 'quote'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateQuoteInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const given = Object.fromEntries(Object.entries(decodeQuoteInput(input)).filter(([key]) => key in input));
      const quote = await updateQuote(context.prisma, requireViewer(context), quoteId(id), given as Parameters<typeof updateQuote>[3]);
      return context.prisma.quote.findUniqueOrThrow({ ...query, where: { id: quote.id } });
    },
  }),
  sendQuote: t.prismaField({
    type: 'Quote',
    authScopes: { writer: true },
    description: 'DRAFT -> SENT: the quote went to the customer.',
    errors: documentMutation('SendQuote', 'quote'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      const quote = await sendQuote(context.prisma, requireViewer(context), quoteId(id));
      return context.prisma.quote.findUniqueOrThrow({ ...query, where: { id: quote.id } });
    },
  }),
  acceptQuote: t.prismaField({
    type: 'Quote',
    authScopes: { writer: true },
    description: 'SENT -> ACCEPTED while valid; with `createOrder` the order is made from it at once (see `quote.order`).',
    errors: documentMutation('AcceptQuote', 'quote'),
    args: { id: t.arg.id({ required: true }), createOrder: t.arg.boolean({ defaultValue: false }) },
    resolve: async (query, _root, { id, createOrder }, context) => {
      const quote = await acceptQuote(context.prisma, requireViewer(context), quoteId(id), { createOrder });
      return context.prisma.quote.findUniqueOrThrow({ ...query, where: { id: quote.id } });
    },
  }),
  rejectQuote: t.prismaField({
    type: 'Quote',
    authScopes: { writer: true },
    description: 'SENT -> REJECTED.',
    errors: documentMutation('RejectQuote', 'quote'),
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (query, _root, { id, reason }, context) => {
      const quote = await rejectQuote(context.prisma, requireViewer(context), quoteId(id), { reason });
      return context.prisma.quote.findUniqueOrThrow({ ...query, where: { id: quote.id } });
    },
  }),
  deleteQuote: t.id({
    authScopes: { writer: true },
    description: 'Deletes a draft.',
    errors: documentMutation('DeleteQuote', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => encodeGlobalID('Quote', (await deleteQuote(context.prisma, requireViewer(context), quoteId(id))).id),
  }),
}));
