import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { Formats } from '../../i18n/format.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { textOrNull, wholeNumberOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import type { DocumentKind } from './billing-labels.ts';
import { documentPaths } from './billing-format.ts';
import {
  CreateInvoiceMutation,
  CreateOrderMutation,
  CreateQuoteMutation,
  DocumentFormOptionsQuery,
  DocumentOriginQuery,
  OrderDetailQuery,
  QuoteDetailQuery,
  UpdateOrderMutation,
  UpdateQuoteMutation,
} from './billing-queries.ts';
import { linesInput, newLineRow } from './DocumentLinesEditor.tsx';
import { DocumentFormFields, EMPTY_FORM, FORM_FIELDS, type DocumentFormValues } from './DocumentFormFields.tsx';

const ORIGINS = ['opportunityId', 'accountId', 'quoteId', 'orderId', 'correctsInvoiceId'] as const;
type Origin = Partial<Record<(typeof ORIGINS)[number], string>>;

/** New quote, order or invoice (`/quotes/new?opportunityId=…`), or changes to a draft quote or open order. */
export function DocumentFormPage({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { id } = useParams();
  const [params] = useSearchParams();
  const origin: Origin = Object.fromEntries(ORIGINS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const editing = id !== undefined;
  const [{ data: originData, error: originError }] = useQuery({
    query: DocumentOriginQuery,
    variables: {
      opportunityId: origin.opportunityId ?? '',
      quoteId: origin.quoteId ?? '',
      orderId: origin.orderId ?? '',
      invoiceId: origin.correctsInvoiceId ?? '',
      accountId: origin.accountId ?? '',
      withOpportunity: Boolean(origin.opportunityId),
      withQuote: Boolean(origin.quoteId),
      withOrder: Boolean(origin.orderId),
      withInvoice: Boolean(origin.correctsInvoiceId),
      withAccount: Boolean(origin.accountId),
    },
    pause: editing,
    requestPolicy: 'network-only',
  });
  const [{ data: quoteData, error: quoteError }] = useQuery({ query: QuoteDetailQuery, variables: { id: id ?? '' }, pause: !editing || kind !== 'QUOTE' });
  const [{ data: orderData, error: orderError }] = useQuery({ query: OrderDetailQuery, variables: { id: id ?? '' }, pause: !editing || kind !== 'ORDER' });

  const error = originError ?? quoteError ?? orderError;
  if (error) return <QueryError error={error} />;
  const existing = kind === 'QUOTE' ? quoteData?.quote : orderData?.order;
  if (editing && !(quoteData ?? orderData)) return <Loading what={t('common.theForm')} />;
  if (!editing && !originData) return <Loading what={t('common.theForm')} />;
  if (editing && (!existing || !existing.viewerCanEdit || (kind === 'QUOTE' ? existing.status !== 'DRAFT' : existing.status !== 'OPEN'))) {
    return (
      <div className="empty">
        <p>{existing ? t('billing.form.noEdit') : t('billing.detail.notFound')}</p>
        <Link to={existing ? documentPaths.detail(kind, existing.id) : documentPaths.list(kind)}>{t('common.back')}</Link>
      </div>
    );
  }

  let initial: DocumentFormValues;
  let note: string | null = null;
  if (existing) {
    initial = {
      ...EMPTY_FORM,
      title: existing.title,
      account: existing.account,
      contactId: existing.contact?.id ?? '',
      lines: existing.lines.map((line) =>
        rowOf(formats, { ...line, productId: line.product?.id ?? '' }),
      ),
      ...('validUntil' in existing ? { validUntil: existing.validUntil, introText: existing.introText ?? '', closingText: existing.closingText ?? '' } : {}),
      ...('orderDate' in existing
        ? { orderDate: existing.orderDate, plannedDeliveryDate: existing.plannedDeliveryDate ?? '', customerReference: existing.customerReference ?? '', notes: existing.notes ?? '' }
        : {}),
    };
  } else {
    const source = originData!.quote ?? originData!.order ?? originData!.invoice ?? originData!.opportunity;
    const account = source?.account ?? originData!.account ?? null;
    const copied = originData!.invoice?.lines ?? originData!.opportunity?.lines ?? [];
    initial = {
      ...EMPTY_FORM,
      title: source?.title ?? '',
      account: account ? { id: account.id, name: account.name } : null,
      contactId: source?.contact?.id ?? '',
      lines: copied.map((line) =>
        rowOf(formats, {
          productId: line.product?.id ?? '',
          description: line.description ?? '',
          quantity: line.quantity,
          unit: 'unit' in line ? line.unit : (line.product && 'unit' in line.product ? line.product.unit : ''),
          unitPrice: line.unitPrice,
          discountPercent: line.discountPercent,
          taxRate: 'taxRate' in line ? line.taxRate : '19',
        }),
      ),
    };
    if (originData!.quote) note = t('billing.form.fromQuote', { number: originData!.quote.number });
    else if (originData!.order) note = t('billing.form.fromOrder', { number: originData!.order.number });
    else if (originData!.invoice) note = t('billing.form.corrects', { number: originData!.invoice.number });
    else if (originData!.opportunity) note = t('billing.form.fromOpportunity', { title: originData!.opportunity.title });
  }
  return <DocumentForm kind={kind} initial={initial} existing={existing ?? undefined} origin={origin} note={note} />;
}

/** A stored line as the editor shows it: numbers in the user's language. */
function rowOf(
  formats: Formats,
  line: { productId: string; description: string; quantity: string; unit: string; unitPrice: string; discountPercent: string; taxRate: string },
) {
  return newLineRow({
    ...line,
    quantity: formats.decimalInput(line.quantity),
    unitPrice: formats.moneyInput(line.unitPrice),
    discountPercent: line.discountPercent === '0' ? '' : formats.decimalInput(line.discountPercent),
    taxRate: String(Number(line.taxRate)),
  });
}

interface FormProps {
  kind: DocumentKind;
  initial: DocumentFormValues;
  existing?: { id: string; number: string };
  origin: Origin;
  note: string | null;
}

function DocumentForm({ kind, initial, existing, origin, note }: FormProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const existingId = existing?.id;
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message?: string; details: string[] }>({ details: [] });
  const [{ data: options }] = useQuery({ query: DocumentFormOptionsQuery, variables: { accountId: values.account?.id ?? '' }, pause: !values.account });
  const [{ fetching: creatingQuote }, createQuote] = useMutation(CreateQuoteMutation);
  const [{ fetching: updatingQuote }, updateQuote] = useMutation(UpdateQuoteMutation);
  const [{ fetching: creatingOrder }, createOrder] = useMutation(CreateOrderMutation);
  const [{ fetching: updatingOrder }, updateOrder] = useMutation(UpdateOrderMutation);
  const [{ fetching: creatingInvoice }, createInvoice] = useMutation(CreateInvoiceMutation);
  const submitting = creatingQuote || updatingQuote || creatingOrder || updatingOrder || creatingInvoice;
  const linesFixed = Boolean(origin.quoteId || origin.orderId);
  const accountFixed = Boolean(existingId || origin.opportunityId || origin.quoteId || origin.orderId || origin.correctsInvoiceId);

  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { lines, errors: lineErrors } = linesInput(values.lines, formats, t('billing.lines.invalidNumber'));
    const paymentTermDays = wholeNumberOrNull(values.paymentTermDays);
    const clientErrors: FieldErrors = { ...lineErrors, ...(paymentTermDays === undefined ? { paymentTermDays: t('errors.wholeNumber') } : {}) };
    if (Object.keys(clientErrors).length) {
      setErrors(clientErrors);
      setSummary({ message: t('billing.form.failed'), details: [] });
      return;
    }
    const common = { title: textOrNull(values.title) ?? '', contactId: values.contactId || null };
    const givenLines = linesFixed || (!existingId && lines.length === 0) ? undefined : lines;
    const date = (value: string) => value || null;
    let result;
    if (kind === 'QUOTE') {
      const input = { ...common, validUntil: date(values.validUntil) ?? undefined, introText: textOrNull(values.introText), closingText: textOrNull(values.closingText), lines: givenLines };
      result = existingId
        ? (await updateQuote({ id: existingId, input })).data?.updateQuote
        : (await createQuote({ input: { ...input, opportunityId: origin.opportunityId, accountId: origin.opportunityId ? undefined : values.account?.id } })).data?.createQuote;
    } else if (kind === 'ORDER') {
      const input = { ...common, orderDate: date(values.orderDate) ?? undefined, plannedDeliveryDate: date(values.plannedDeliveryDate), customerReference: textOrNull(values.customerReference), notes: textOrNull(values.notes), lines: givenLines };
      result = existingId
        ? (await updateOrder({ id: existingId, input })).data?.updateOrder
        : (await createOrder({ input: { ...input, quoteId: origin.quoteId, opportunityId: origin.opportunityId, accountId: origin.quoteId || origin.opportunityId ? undefined : values.account?.id } })).data?.createOrder;
    } else {
      result = (
        await createInvoice({
          input: {
            ...common,
            serviceDate: date(values.serviceDate),
            paymentTermDays: paymentTermDays ?? undefined,
            notes: textOrNull(values.notes),
            lines: givenLines,
            orderId: origin.orderId,
            correctsInvoiceId: origin.correctsInvoiceId,
            opportunityId: origin.opportunityId,
            accountId: origin.orderId || origin.correctsInvoiceId || origin.opportunityId ? undefined : values.account?.id,
          },
        })
      ).data?.createInvoice;
    }
    if (result && 'quote' in result) return navigate(documentPaths.detail('QUOTE', result.quote.id));
    if (result && 'order' in result) return navigate(documentPaths.detail('ORDER', result.order.id));
    if (result && 'invoice' in result) return navigate(documentPaths.detail('INVOICE', result.invoice.id));
    if (result?.__typename === 'ValidationError') {
      const placed = serverErrors.place(result.fieldErrors, FORM_FIELDS[kind]);
      const lineCells = result.fieldErrors.filter((entry) => entry.field.startsWith('lines.')).map((entry) => [entry.field, serverErrors.fieldError(entry)]);
      setErrors({ ...placed.byField, ...Object.fromEntries(lineCells) });
      setSummary({ message: t('billing.form.failed'), details: placed.unplaced });
      return;
    }
    setErrors({});
    setSummary({ message: serverErrors.failure(result, undefined, t('billing.detail.actionFailed')), details: [] });
  }

  const products = options?.products.edges.map((edge) => edge.node) ?? [];
  const contacts = options?.account?.contacts.edges.map((edge) => edge.node) ?? [];
  const cancelHref = existingId ? documentPaths.detail(kind, existingId) : documentPaths.list(kind);
  return (
    <section aria-labelledby="document-form-title">
      <div className="page-header">
        <h1 id="document-form-title">{existing ? t('billing.form.editTitle', { number: existing.number }) : t(`billing.kind.${kind}.new`)}</h1>
      </div>
      {note && <p className="muted">{note}</p>}
      <form ref={form} className="form" onSubmit={handleSubmit} noValidate aria-label={t(`billing.kind.${kind}.one`)}>
        <FormErrorSummary message={summary.message} details={summary.details} />
        <DocumentFormFields
          kind={kind}
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          errors={errors}
          accountFixed={accountFixed}
          linesFixed={linesFixed}
          contacts={contacts}
          products={products}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('common.saving') : existingId ? t('billing.form.save') : t(`billing.form.create${kind}`)}
          </button>
          <Link to={cancelHref} className="button button--ghost">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
