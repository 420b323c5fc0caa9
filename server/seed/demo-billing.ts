import type { Faker } from '@faker-js/faker';
import type { Prisma } from '../generated/prisma/client.ts';
import { addDays, organisationDay } from '../domain/calendar.ts';
import { copyLines, type DocumentLineRow } from '../domain/billing/lines.ts';
import { formatDocumentNumber } from '../domain/billing/numbering.ts';
import { documentTotals, totalColumns } from '../domain/billing/totals.ts';
import { splitTotal, SEASONAL_PROFILE } from '../domain/budgets/budgets.ts';
import { Decimal, roundMoney, sumMoney, ZERO, type Money } from '../domain/money.ts';

type Tx = Prisma.TransactionClient;

/**
 * The revenue side of the demo, written as the domain would have written it: for every won
 * opportunity an accepted quote, its order and (once delivered) its invoice with payments; quotes
 * for lost and open ones; some invoices overdue, some orders and invoices cancelled (and
 * corrected); three campaigns with their opportunities; budgets of both teams for last, this and
 * next year; the organisation's letterhead. Everything is dated from the opportunities' own dates
 * and from `referenceDate`, the demo's single anchor.
 */
const DAY = 86_400_000;

export const DEMO_LETTERHEAD = {
  companyName: 'Nordlicht Maschinenbau GmbH',
  street: 'Werftstraße 12',
  postalCode: '24148',
  city: 'Kiel',
  country: 'Deutschland',
  phone: '+49 431 557780',
  email: 'vertrieb@nordlicht.example',
  website: 'https://www.nordlicht.example',
  vatId: 'DE287654321',
  taxNumber: '20/297/12345',
  registerEntry: 'Amtsgericht Kiel HRB 24871',
  managingDirectors: 'Katrin Albers',
  bankName: 'Commerzbank Kiel',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};

type Kind = 'QUOTE' | 'ORDER' | 'INVOICE';

interface Opportunity {
  id: string;
  title: string;
  status: 'OPEN' | 'WON' | 'LOST';
  kind: 'LEAD' | 'DEAL';
  accountId: string;
  contactId: string | null;
  ownerId: string;
  teamId: string;
  amount: Prisma.Decimal;
  createdAt: Date;
  closedAt: Date | null;
  stage: { position: number };
  lines: Parameters<typeof copyLines>[0];
  account: { name: string; street: string | null; postalCode: string | null; city: string | null; country: string };
}

interface History {
  event: string;
  at: Date;
  fromStatus?: string;
  toStatus?: string;
  actorId: string | null;
  details?: Prisma.InputJsonValue;
}

/** A document before it has its number (numbers follow the date order within a year). */
interface Draft<Row> {
  kind: Kind;
  numberDate: Date;
  row: Row;
  lines: DocumentLineRow[];
  history: History[];
}

export async function seedDemoBilling(tx: Tx, faker: Faker, referenceDate: Date) {
  const id = () => faker.string.uuid();
  const today = organisationDay(referenceDate);
  const between = (from: Date, to: Date) => new Date(from.getTime() + faker.number.float({ min: 0, max: 1 }) * Math.max(0, to.getTime() - from.getTime()));
  const dayAfter = (from: Date, min: number, max: number) => addDays(organisationDay(from), faker.number.int({ min, max }));
  const atNine = (day: Date) => new Date(day.getTime() + (8 + faker.number.int({ min: 0, max: 8 })) * 3_600_000 + faker.number.int({ min: 0, max: 59 }) * 60_000);

  await tx.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...DEMO_LETTERHEAD }, update: DEMO_LETTERHEAD });

  const opportunities: Opportunity[] = await tx.opportunity.findMany({
    orderBy: { id: 'asc' },
    include: { stage: { select: { position: true } }, lines: { orderBy: { position: 'asc' }, include: { product: true } }, account: true },
  });

  await seedCampaigns(tx, faker, referenceDate, opportunities, id);

  const quotes: Array<Draft<Prisma.QuoteCreateManyInput>> = [];
  const orders: Array<Draft<Prisma.OrderCreateManyInput>> = [];
  const invoices: Array<Draft<Prisma.InvoiceCreateManyInput> & { payments: Prisma.PaymentCreateManyInput[] }> = [];

  const linesOf = (opportunity: Opportunity) =>
    opportunity.lines.length
      ? copyLines(opportunity.lines)
      : copyLines([{ productId: null, description: opportunity.title, quantity: new Decimal(1), unitPrice: opportunity.amount, discountPercent: new Decimal(0), unit: 'psch.' }]);
  const common = (opportunity: Opportunity) => ({
    opportunityId: opportunity.id,
    accountId: opportunity.accountId,
    contactId: opportunity.contactId,
    ownerId: opportunity.ownerId,
    teamId: opportunity.teamId,
    title: opportunity.title,
    currency: 'EUR',
  });

  function addQuote(opportunity: Opportunity, createdAt: Date, outcome: 'DRAFT' | 'SENT' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED', decidedAt?: Date) {
    const lines = linesOf(opportunity);
    const sentAt = outcome === 'DRAFT' ? null : new Date(createdAt.getTime() + faker.number.int({ min: 2, max: 30 }) * 3_600_000);
    const validUntil = addDays(organisationDay(createdAt), 30);
    const history: History[] = [{ event: 'CREATED', at: createdAt, toStatus: 'DRAFT', actorId: opportunity.ownerId }];
    if (sentAt) history.push({ event: 'SENT', at: sentAt, fromStatus: 'DRAFT', toStatus: 'SENT', actorId: opportunity.ownerId });
    let decided: Date | null = null;
    if (outcome === 'ACCEPTED' || outcome === 'REJECTED') {
      decided = new Date(Math.max(decidedAt!.getTime(), sentAt!.getTime() + 3_600_000));
      history.push({ event: outcome, at: decided, fromStatus: 'SENT', toStatus: outcome, actorId: opportunity.ownerId, details: outcome === 'REJECTED' ? { reason: 'Preis zu hoch' } : undefined });
    }
    if (outcome === 'EXPIRED') {
      decided = addDays(validUntil, 1);
      history.push({ event: 'EXPIRED', at: decided, fromStatus: 'SENT', toStatus: 'EXPIRED', actorId: null });
    }
    const quote = {
      kind: 'QUOTE' as const,
      numberDate: createdAt,
      lines,
      history,
      row: {
        id: id(),
        number: '',
        ...common(opportunity),
        status: outcome,
        validUntil,
        sentAt,
        decidedAt: decided,
        rejectionReason: outcome === 'REJECTED' ? 'Preis zu hoch' : null,
        ...totalColumns(documentTotals(lines)),
        createdAt,
        updatedAt: decided ?? sentAt ?? createdAt,
      },
    };
    quotes.push(quote);
    return quote;
  }

  for (const opportunity of opportunities) {
    const closedAt = opportunity.closedAt;
    if (opportunity.status === 'WON' && closedAt) {
      const quoteAt = between(new Date(Math.max(opportunity.createdAt.getTime(), closedAt.getTime() - 25 * DAY)), new Date(closedAt.getTime() - 2 * DAY));
      const quote = addQuote(opportunity, quoteAt, 'ACCEPTED', new Date(closedAt.getTime() - faker.number.int({ min: 0, max: 2 }) * 3_600_000));
      addOrderAndInvoice(opportunity, quote, closedAt);
    } else if (opportunity.status === 'LOST' && closedAt && faker.datatype.boolean({ probability: 0.55 })) {
      const quoteAt = between(new Date(Math.max(opportunity.createdAt.getTime(), closedAt.getTime() - 50 * DAY)), new Date(closedAt.getTime() - 2 * DAY));
      const expired = addDays(organisationDay(quoteAt), 31) < organisationDay(closedAt) && faker.datatype.boolean({ probability: 0.5 });
      addQuote(opportunity, quoteAt, expired ? 'EXPIRED' : 'REJECTED', closedAt);
    } else if (opportunity.status === 'OPEN' && opportunity.kind === 'DEAL' && opportunity.stage.position >= 1 && faker.datatype.boolean({ probability: 0.7 })) {
      // An older offer ran out, a current one is out or being drafted.
      if (referenceDate.getTime() - opportunity.createdAt.getTime() > 70 * DAY && faker.datatype.boolean({ probability: 0.3 })) {
        addQuote(opportunity, between(opportunity.createdAt, new Date(referenceDate.getTime() - 60 * DAY)), 'EXPIRED');
      }
      const recent = between(new Date(Math.max(opportunity.createdAt.getTime(), referenceDate.getTime() - 25 * DAY)), new Date(referenceDate.getTime() - 3_600_000 * 30));
      addQuote(opportunity, recent, faker.datatype.boolean({ probability: 0.75 }) ? 'SENT' : 'DRAFT');
    }
  }

  function addOrderAndInvoice(opportunity: Opportunity, quote: (typeof quotes)[number], closedAt: Date) {
    const orderDate = organisationDay(closedAt);
    const created = atNine(orderDate);
    const history: History[] = [{ event: 'CREATED', at: created, toStatus: 'OPEN', actorId: opportunity.ownerId, details: { fromQuoteId: quote.row.id } }];
    const row: Prisma.OrderCreateManyInput = {
      id: id(),
      number: '',
      quoteId: quote.row.id,
      ...common(opportunity),
      status: 'OPEN',
      orderDate,
      plannedDeliveryDate: addDays(orderDate, faker.number.int({ min: 14, max: 42 })),
      customerReference: faker.helpers.maybe(() => `PO-${faker.string.numeric(6)}`, { probability: 0.6 }) ?? null,
      ...totalColumns(documentTotals(quote.lines)),
      createdAt: created,
      updatedAt: created,
    };
    const order = { kind: 'ORDER' as const, numberDate: orderDate, lines: quote.lines, history, row };
    orders.push(order);
    const deliveryDate = dayAfter(orderDate, 7, 45);
    if (faker.datatype.boolean({ probability: 0.04 }) && addDays(orderDate, 5) < today) {
      const at = atNine(addDays(orderDate, faker.number.int({ min: 1, max: 5 })));
      Object.assign(row, { status: 'CANCELLED', cancelledAt: at, cancellationReason: 'Projekt beim Kunden gestoppt', updatedAt: at });
      history.push({ event: 'CANCELLED', at, fromStatus: 'OPEN', toStatus: 'CANCELLED', actorId: opportunity.ownerId });
      return;
    }
    if (deliveryDate >= today) return;
    const deliveredAt = atNine(deliveryDate);
    Object.assign(row, { status: 'DELIVERED', deliveryDate, updatedAt: deliveredAt });
    history.push({ event: 'DELIVERED', at: deliveredAt, fromStatus: 'OPEN', toStatus: 'DELIVERED', actorId: opportunity.ownerId });

    let issueDate = dayAfter(deliveryDate, 0, 3);
    if (issueDate >= today) issueDate = addDays(today, -1) > deliveryDate ? addDays(today, -1) : deliveryDate;
    const first = addInvoice(opportunity, order, issueDate, deliveryDate);
    // A few go out wrong: cancelled within days and replaced by a corrected invoice.
    if (faker.datatype.boolean({ probability: 0.06 }) && addDays(issueDate, 4) < today) {
      const cancelledAt = atNine(addDays(issueDate, faker.number.int({ min: 1, max: 3 })));
      Object.assign(first.row, { status: 'CANCELLED', cancelledAt, cancellationReason: 'Falscher Rabatt berechnet', updatedAt: cancelledAt });
      first.history.push({ event: 'CANCELLED', at: cancelledAt, fromStatus: 'OPEN', toStatus: 'CANCELLED', actorId: opportunity.ownerId });
      const correction = addInvoice(opportunity, order, organisationDay(addDays(cancelledAt, 1)), deliveryDate, first.row.id as string);
      settle(correction, opportunity);
    } else {
      settle(first, opportunity);
    }
  }

  function addInvoice(opportunity: Opportunity, order: (typeof orders)[number], issueDate: Date, serviceDate: Date, correctsInvoiceId?: string) {
    const created = atNine(issueDate);
    const totals = documentTotals(order.lines);
    const invoice = {
      kind: 'INVOICE' as const,
      numberDate: issueDate,
      lines: order.lines,
      payments: [] as Prisma.PaymentCreateManyInput[],
      history: [
        { event: 'CREATED', at: created, toStatus: 'OPEN', actorId: opportunity.ownerId, details: { fromOrderId: order.row.id, ...(correctsInvoiceId ? { correctsInvoiceId } : {}) } },
      ] as History[],
      row: {
        id: id(),
        number: '',
        orderId: order.row.id,
        ...common(opportunity),
        correctsInvoiceId: correctsInvoiceId ?? null,
        status: 'OPEN',
        issueDate,
        serviceDate,
        dueDate: addDays(issueDate, faker.helpers.arrayElement([14, 14, 30])),
        recipientName: opportunity.account.name,
        recipientStreet: opportunity.account.street,
        recipientPostalCode: opportunity.account.postalCode,
        recipientCity: opportunity.account.city,
        recipientCountry: opportunity.account.country,
        ...totalColumns(totals),
        paidAmount: ZERO,
        createdAt: created,
        updatedAt: created,
      } as Prisma.InvoiceCreateManyInput,
    };
    invoices.push(invoice);
    return invoice;
  }

  /** Most customers pay within the term, some late or in two parts, some not yet (overdue). */
  function settle(invoice: (typeof invoices)[number], opportunity: Opportunity) {
    const { issueDate, dueDate, grossAmount } = invoice.row as { issueDate: Date; dueDate: Date; grossAmount: Money };
    const overdue = dueDate < today;
    const behaviour = faker.helpers.weightedArrayElement(
      [
        { value: 'onTime', weight: overdue ? 70 : 25 },
        { value: 'late', weight: overdue ? 14 : 0 },
        { value: 'partial', weight: overdue ? 6 : 5 },
        { value: 'unpaid', weight: overdue ? 10 : 70 },
      ].filter((choice) => choice.weight > 0),
    );
    if (behaviour === 'unpaid') return;
    const lastDay = addDays(today, -1);
    const clamp = (day: Date) => (day > lastDay ? lastDay : day < issueDate ? issueDate : day);
    const payDay = clamp(behaviour === 'late' ? dayAfter(dueDate, 3, 40) : dayAfter(issueDate, 2, Math.max(2, (dueDate.getTime() - issueDate.getTime()) / DAY)));
    if (payDay < issueDate || lastDay < issueDate) return;
    const pay = (amount: Money, paymentDate: Date) => {
      const at = atNine(paymentDate);
      invoice.payments.push({ id: id(), invoiceId: invoice.row.id as string, amount, paymentDate, createdById: opportunity.ownerId, createdAt: at });
      const paidAmount = roundMoney(new Decimal(invoice.row.paidAmount as Money).plus(amount));
      const settled = paidAmount.equals(grossAmount);
      invoice.row.paidAmount = paidAmount;
      invoice.row.updatedAt = at;
      invoice.history.push({
        event: settled ? 'PAID' : 'PAYMENT_RECORDED',
        at,
        ...(settled ? { fromStatus: 'OPEN', toStatus: 'PAID' } : {}),
        actorId: opportunity.ownerId,
        details: { amount: amount.toFixed(2), paymentDate: paymentDate.toISOString().slice(0, 10), paidAmount: paidAmount.toFixed(2) },
      });
      if (settled) Object.assign(invoice.row, { status: 'PAID', paidDate: paymentDate });
    };
    if (behaviour === 'partial') {
      pay(roundMoney(new Decimal(grossAmount).times(0.3)), payDay);
      const rest = clamp(dayAfter(payDay, 10, 60));
      if (rest > payDay && overdue && faker.datatype.boolean({ probability: 0.5 })) pay(roundMoney(new Decimal(grossAmount).minus(invoice.row.paidAmount as Money)), rest);
      return;
    }
    pay(grossAmount, payDay);
  }

  // Numbers in date order within each year, gap-free, as the numbering rule hands them out.
  const sequences = new Map<string, number>();
  const documents = [...quotes, ...orders, ...invoices].sort((a, b) => a.numberDate.getTime() - b.numberDate.getTime() || (a.row.id! < b.row.id! ? -1 : 1));
  for (const document of documents) {
    const year = organisationDay(document.numberDate).getUTCFullYear();
    const key = `${document.kind}:${year}`;
    const next = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, next);
    document.row.number = formatDocumentNumber(document.kind, year, next);
  }

  // Customers name the invoice number in their transfer.
  for (const invoice of invoices) for (const payment of invoice.payments) payment.reference = `Überweisung ${invoice.row.number}`;

  await tx.quote.createMany({ data: quotes.map((quote) => quote.row) });
  await tx.quoteLine.createMany({ data: quotes.flatMap((quote) => quote.lines.map((line) => ({ ...line, id: id(), quoteId: quote.row.id! }))) });
  await tx.order.createMany({ data: orders.map((order) => order.row) });
  await tx.orderLine.createMany({ data: orders.flatMap((order) => order.lines.map((line) => ({ ...line, id: id(), orderId: order.row.id! }))) });
  await tx.invoice.createMany({ data: invoices.map((invoice) => invoice.row) });
  await tx.invoiceLine.createMany({ data: invoices.flatMap((invoice) => invoice.lines.map((line) => ({ ...line, id: id(), invoiceId: invoice.row.id! }))) });
  await tx.payment.createMany({ data: invoices.flatMap((invoice) => invoice.payments) });
  const foreignKey = { QUOTE: 'quoteId', ORDER: 'orderId', INVOICE: 'invoiceId' } as const;
  await tx.documentChange.createMany({
    data: documents.flatMap((document) =>
      document.history.map((entry) => ({
        id: id(),
        [foreignKey[document.kind]]: document.row.id,
        opportunityId: document.row.opportunityId,
        accountId: document.row.accountId,
        actorId: entry.actorId,
        at: entry.at,
        event: entry.event,
        fromStatus: entry.fromStatus ?? null,
        toStatus: entry.toStatus ?? null,
        details: entry.details,
      })),
    ),
  });
  await tx.documentSequence.createMany({
    data: [...sequences].map(([key, lastNumber]) => {
      const [kind, year] = key.split(':');
      return { kind: kind as Kind, year: Number(year), lastNumber };
    }),
  });

  await seedBudgets(tx, faker, referenceDate, invoices.map((invoice) => invoice.row), id);
  return { quotes: quotes.length, orders: orders.length, invoices: invoices.length };
}

/** Three campaigns; opportunities created while one ran (and a month after) came from it, some of them. */
async function seedCampaigns(tx: Tx, faker: Faker, referenceDate: Date, opportunities: Opportunity[], id: () => string) {
  const today = organisationDay(referenceDate);
  const year = today.getUTCFullYear();
  const campaigns = [
    { name: `Hannover Messe ${year - 1}`, type: 'TRADE_FAIR', status: 'COMPLETED', startDate: addDays(today, -560), endDate: addDays(today, -555), cost: '48000.00', description: 'Stand in Halle 17 mit der VM-7 als Live-Exponat.' },
    { name: 'Webinar-Reihe Linienautomatisierung', type: 'WEBINAR', status: 'COMPLETED', startDate: addDays(today, -300), endDate: addDays(today, -210), cost: '6500.00', description: 'Sechs Termine zu Retrofit, Sensorik und Leitstand.' },
    { name: `Mailing Retrofit ${year}`, type: 'DIRECT_MAIL', status: 'ACTIVE', startDate: addDays(today, -120), endDate: addDays(today, 30), cost: '12000.00', description: 'Anschreiben an Bestandskunden mit Anlagen älter als zehn Jahre.' },
  ] as const;
  const rows = campaigns.map((campaign) => ({ id: id(), ...campaign, createdAt: new Date(campaign.startDate.getTime() - 30 * DAY), updatedAt: new Date(campaign.startDate.getTime() - 30 * DAY) }));
  await tx.campaign.createMany({ data: rows });
  for (const campaign of rows) {
    const until = addDays(campaign.endDate, 30);
    const members = opportunities.filter(
      (opportunity) => opportunity.createdAt >= campaign.startDate && opportunity.createdAt <= until && faker.datatype.boolean({ probability: 0.45 }),
    );
    if (members.length === 0) continue;
    const ids = members.map((opportunity) => opportunity.id);
    // Raw, so that `updatedAt` keeps the time of the opportunity's last real change.
    await tx.$executeRaw`UPDATE "Opportunity" SET "campaignId" = ${campaign.id}::uuid WHERE "id" = ANY(${ids}::uuid[]) AND "campaignId" IS NULL`;
    // They came from the campaign from the start: their creation snapshot says so too.
    await tx.$executeRaw`
      UPDATE "OpportunityChange" c SET "newValue" = jsonb_set(c."newValue", '{campaignId}', to_jsonb(o."campaignId"::text))
      FROM "Opportunity" o
      WHERE c."opportunityId" = o."id" AND c."field" = 'CREATED' AND o."campaignId" = ${campaign.id}::uuid`;
  }
}

/** SALES teams plan last, this and next year from what they invoiced, and so do their sales people. */
async function seedBudgets(tx: Tx, faker: Faker, referenceDate: Date, invoices: Prisma.InvoiceCreateManyInput[], id: () => string) {
  const year = organisationDay(referenceDate).getUTCFullYear();
  const teams = await tx.team.findMany({ where: { type: 'SALES' }, orderBy: { name: 'asc' }, include: { members: { include: { user: true }, orderBy: { userId: 'asc' } } } });
  const revenue = (teamId: string, inYear: number, ownerId?: string) =>
    sumMoney(
      invoices
        .filter((invoice) => invoice.teamId === teamId && invoice.status !== 'CANCELLED' && (invoice.issueDate as Date).getUTCFullYear() === inYear && (!ownerId || invoice.ownerId === ownerId))
        .map((invoice) => invoice.netAmount as Money),
    );
  const rounded = (value: Money, minimum: number) => roundMoney(Decimal.max(new Decimal(minimum), value.dividedBy(10_000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(10_000)));
  const budgets: Prisma.BudgetCreateManyInput[] = [];
  const months: Prisma.BudgetMonthCreateManyInput[] = [];
  const plan = (teamId: string, userId: string | null, planYear: number, total: Money) => {
    const budgetId = id();
    const amounts = splitTotal(total, SEASONAL_PROFILE);
    const planned = new Date(Date.UTC(planYear - 1, 10, 20, 9));
    budgets.push({ id: budgetId, year: planYear, teamId, userId, total: sumMoney(amounts), split: 'SEASONAL', createdAt: planned, updatedAt: planned });
    amounts.forEach((amount, index) => months.push({ budgetId, month: index + 1, amount }));
  };
  for (const team of teams) {
    // Last year's plan was roughly what came in; this year's adds growth; next year's is planned already.
    const lastYear = rounded(revenue(team.id, year - 1).times(faker.number.float({ min: 0.9, max: 1.08 })), 400_000);
    const thisYear = rounded(lastYear.times(faker.number.float({ min: 1.05, max: 1.15 })), 400_000);
    const nextYear = rounded(thisYear.times(faker.number.float({ min: 1.04, max: 1.1 })), 400_000);
    const totals = [lastYear, thisYear, nextYear];
    totals.forEach((total, index) => plan(team.id, null, year - 1 + index, total));
    for (const { user } of team.members.filter((member) => member.user.role === 'SALES')) {
      const share = faker.number.float({ min: 0.35, max: 0.5 });
      totals.forEach((total, index) => plan(team.id, user.id, year - 1 + index, rounded(total.times(share), 100_000)));
    }
  }
  await tx.budget.createMany({ data: budgets });
  await tx.budgetMonth.createMany({ data: months });
}
