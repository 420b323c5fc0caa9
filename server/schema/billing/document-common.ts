import type { Viewer } from '../../auth/viewer.ts';
import { builder, type BuilderTypes } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { canWriteSalesRecord, salesRecordReadWhere } from '../../domain/access.ts';
import { DocumentLockedError, InvalidStatusTransitionError } from '../../domain/billing/errors.ts';
import { documentOrderBy } from '../../domain/billing/queries.ts';
import { documentTotals, type TaxGroup } from '../../domain/billing/totals.ts';
import { ValidationError } from '../../domain/errors.ts';
import type PrismaTypes from '../../generated/pothos-prisma-types.ts';
import { ErrorInterface } from '../error.ts';
import { decodeId } from '../ids.ts';
import { SortDirection } from '../sort-direction.ts';
import { requireViewer } from '../viewer.ts';

export const QuoteStatusEnum = builder.enumType('QuoteStatus', { values: ['DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED'] as const });
export const OrderStatusEnum = builder.enumType('OrderStatus', { values: ['OPEN', 'DELIVERED', 'CANCELLED'] as const });
export const InvoiceStatusEnum = builder.enumType('InvoiceStatus', { values: ['OPEN', 'PAID', 'CANCELLED'] as const });
export const DocumentKindEnum = builder.enumType('DocumentKind', {
  description: 'Quote (Angebot), order (Auftrag) or invoice (Rechnung).',
  values: ['QUOTE', 'ORDER', 'INVOICE'] as const,
});

export const TaxGroupRef = builder.objectRef<TaxGroup>('TaxGroup').implement({
  description: "The VAT of one rate: the net amount of the document's lines at that rate and the tax on it.",
  fields: (t) => ({
    rate: t.expose('rate', { type: 'Decimal', description: 'Percent: 19, 7 or 0.' }),
    net: t.expose('net', { type: 'Decimal' }),
    tax: t.expose('tax', { type: 'Decimal' }),
  }),
});

/** The VAT breakdown from a document's lines (selected with it, so a list stays one query). */
export const taxesOf = (lines: Array<{ quantity: unknown; unitPrice: unknown; discountPercent: unknown; taxRate: unknown }>) =>
  documentTotals(lines as Parameters<typeof documentTotals>[0]).taxes;

/** The same selection as the `lines` field's, so a page asking for both still loads lines once. */
export const LINE_SELECT = { lines: { orderBy: { position: 'asc' } } } as const;

builder.objectType(InvalidStatusTransitionError, {
  name: 'InvalidStatusTransitionError',
  description: "The document's life cycle does not allow this step from its status (e.g. accepting a draft). Nothing was written.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InvalidStatusTransitionError,
  fields: (t) => ({
    kind: t.expose('kind', { type: DocumentKindEnum }),
    status: t.exposeString('status', { description: 'The status the document is in.' }),
    action: t.exposeString('action', { description: 'What was refused: send, accept, reject, deliver, cancel, invoice, pay, ...' }),
    reason: t.exposeString('reason', { description: 'Machine-readable: NOT_SENT, EXPIRED, ALREADY_DECIDED, HAS_PAYMENTS, INVOICED, ...' }),
  }),
});

builder.objectType(DocumentLockedError, {
  name: 'DocumentLockedError',
  description: 'The document can no longer be edited: quotes only as drafts, orders while open and not invoiced, invoices never. Nothing was written.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DocumentLockedError,
  fields: (t) => ({
    kind: t.expose('kind', { type: DocumentKindEnum }),
    status: t.exposeString('status'),
    fields: t.exposeStringList('fields', { description: 'The rejected fields.' }),
  }),
});

/** Result union of a document mutation: the document or one of the typed refusals. */
export function documentMutation(name: string, dataField: string) {
  return {
    types: [ValidationError, InvalidStatusTransitionError, DocumentLockedError],
    result: { name: `${name}Success` },
    union: { name: `${name}Result` },
    dataField: { name: dataField },
  };
}

export const DocumentLineInput = builder.inputType('DocumentLineInput', {
  description: 'A line of a quote, order or invoice: product x quantity x unit price - discount, with its VAT rate.',
  fields: (t) => ({
    productId: t.id(),
    description: t.string({ description: "Defaults to the product's name; required without product." }),
    quantity: t.field({ type: 'Decimal', required: true }),
    unit: t.string({ description: "Defaults to the product's unit, else Stk." }),
    unitPrice: t.field({ type: 'Decimal', description: "Defaults to the product's price; required without product." }),
    discountPercent: t.field({ type: 'Decimal' }),
    taxRate: t.field({ type: 'Decimal', description: '19 (default), 7 or 0.' }),
  }),
});

export const DocumentSortField = builder.enumType('DocumentSortField', {
  values: {
    NUMBER: { value: 'number' },
    DATE: { value: 'date', description: 'Created (quotes), order date (orders), issue date (invoices).' },
    GROSS_AMOUNT: { value: 'grossAmount' },
    DUE_DATE: { value: 'dueDate', description: 'Invoices only; the date for the others.' },
  } as const,
});

export const DocumentOrder = builder.inputType('DocumentOrder', {
  fields: (t) => ({
    field: t.field({ type: DocumentSortField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'desc' }),
  }),
});

for (const model of ['QuoteLine', 'OrderLine', 'InvoiceLine'] as const) {
  builder.prismaObject(model, {
    fields: (t) => ({
      id: t.exposeID('id'),
      position: t.exposeInt('position'),
      product: t.relation('product', { nullable: true }),
      description: t.exposeString('description'),
      quantity: t.expose('quantity', { type: 'Decimal' }),
      unit: t.exposeString('unit'),
      unitPrice: t.expose('unitPrice', { type: 'Decimal' }),
      discountPercent: t.expose('discountPercent', { type: 'Decimal' }),
      taxRate: t.expose('taxRate', { type: 'Decimal', description: 'VAT percent: 19, 7 or 0.' }),
      netAmount: t.expose('netAmount', { type: 'Decimal', description: 'quantity x unit price - discount.' }),
    }),
  });
}

type DocumentModel = 'Quote' | 'Order' | 'Invoice';
const KIND_OF = { Quote: 'QUOTE', Order: 'ORDER', Invoice: 'INVOICE' } as const;
const DELEGATE_OF = { Quote: 'quote', Order: 'order', Invoice: 'invoice' } as const;

/** Quote, Order and Invoice share these columns and relations; Pothos types a field builder per model, so the quote's stands for all three. */
type DocumentFieldBuilder = PothosSchemaTypes.PrismaObjectFieldBuilder<BuilderTypes, PrismaTypes['Quote']>;

/** The fields every quote, order and invoice has alike; each type adds its own dates and links, and `taxes` (its select is typed per model). */
export function documentFields(
  builderOfModel: { readonly model: string },
  { numberDescription, status, viewerCanEditDescription }: { numberDescription: string; status: typeof QuoteStatusEnum | typeof OrderStatusEnum | typeof InvoiceStatusEnum; viewerCanEditDescription?: string },
) {
  const t = builderOfModel as DocumentFieldBuilder;
  return {
    number: t.exposeString('number', { description: numberDescription }),
    title: t.exposeString('title'),
    status: t.expose('status', { type: status as typeof QuoteStatusEnum }),
    opportunity: t.relation('opportunity', { nullable: true }),
    account: t.relation('account'),
    contact: t.relation('contact', { nullable: true }),
    owner: t.relation('owner'),
    team: t.relation('team'),
    currency: t.exposeString('currency'),
    netAmount: t.expose('netAmount', { type: 'Decimal' }),
    taxAmount: t.expose('taxAmount', { type: 'Decimal' }),
    grossAmount: t.expose('grossAmount', { type: 'Decimal' }),
    lines: t.relation('lines', { query: { orderBy: { position: 'asc' } } }),
    viewerCanEdit: t.boolean({
      description: viewerCanEditDescription,
      resolve: (document, _args, context) => canWriteSalesRecord(requireViewer(context), document),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  };
}

type DocumentDelegate = {
  findMany(args: object): Promise<never[]>;
  findFirst(args: object): Promise<never | null>;
  count(args: object): Promise<number>;
};

/**
 * The list (`quotes`, `orders`, `invoices`) and the lookup by id or number of one document type:
 * alike for all three but for the filter input and its WHERE.
 */
export function documentQueries<Filter extends object>(spec: {
  type: DocumentModel;
  listDescription: string;
  lookupDescription: string;
  filter: PothosSchemaTypes.InputObjectRef<BuilderTypes, Filter>;
  listWhere: (viewer: Viewer, filter: Filter | null | undefined) => object;
}) {
  const delegate = (context: Context) => context.prisma[DELEGATE_OF[spec.type]] as unknown as DocumentDelegate;
  // Typed as the quote's (see DocumentFieldBuilder); the filter is the spec's and goes back to its listWhere.
  const filterArg = spec.filter as unknown as PothosSchemaTypes.InputObjectRef<BuilderTypes, Record<string, unknown>>;
  builder.queryFields((t) => ({
    [`${DELEGATE_OF[spec.type]}s`]: t.prismaConnection(
      {
        type: spec.type as 'Quote',
        cursor: 'id',
        authScopes: { sales: true },
        description: spec.listDescription,
        args: { filter: t.arg({ type: filterArg }), orderBy: t.arg({ type: DocumentOrder }) },
        resolve: (query, _root, args, context) =>
          delegate(context).findMany({
            ...query,
            where: spec.listWhere(requireViewer(context), args.filter as Filter | null | undefined),
            orderBy: documentOrderBy(KIND_OF[spec.type], args.orderBy?.field, args.orderBy?.direction ?? undefined),
          }),
        totalCount: (_connection, args, context) => delegate(context).count({ where: spec.listWhere(requireViewer(context), args.filter as Filter | null | undefined) }),
      },
      {},
      {},
    ),
    [DELEGATE_OF[spec.type]]: t.prismaField({
      type: spec.type as 'Quote',
      nullable: true,
      authScopes: { sales: true },
      description: spec.lookupDescription,
      args: { id: t.arg.id(), number: t.arg.string() },
      resolve: (query, _root, args, context) => {
        const readable = salesRecordReadWhere(requireViewer(context));
        if (args.id) return delegate(context).findFirst({ ...query, where: { id: decodeId(args.id, spec.type, 'id'), ...readable } });
        if (!args.number) throw ValidationError.field('number', 'REQUIRED', 'Give an id or a number.');
        return delegate(context).findFirst({ ...query, where: { number: args.number.trim().toUpperCase(), ...readable } });
      },
    }),
  }));
}
