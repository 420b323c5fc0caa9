import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { KpiTotal } from '../../domain/kpis/values.ts';
import { AccountRef } from '../account.ts';
import { ProductRef } from '../product.ts';
import { figure, kpiLoaders } from './kpi-loaders.ts';
import type { KpiGroup } from './kpi-pipeline.ts';
import { KpiCustomerCountRef, KpiTotalRef, type CustomerCount } from './kpi-values.ts';

export const KpiContactsRef = builder.objectRef<KpiGroup>('KpiContacts').implement({
  description: 'contacts.* (kpis.md): accounts and contacts the viewer may read.',
  fields: (t) => ({
    active: t.field({
      type: KpiCustomerCountRef,
      description:
        'contacts.active: accounts and contacts with at least one activity (that the viewer may read) created or done in the period. Records: kpiAccounts / kpiContacts(figure: ACTIVE).',
      resolve: (group, _args, context) => figure<CustomerCount>(context, 'customers', group.query, 'contactsActive'),
    }),
    all: t.field({
      type: KpiCustomerCountRef,
      description: 'contacts.all: all accounts and contacts. Records: kpiAccounts / kpiContacts(figure: ALL).',
      resolve: (group, _args, context) => figure<CustomerCount>(context, 'customers', group.query, 'contactsAll'),
    }),
    won: t.int({
      description: 'contacts.won: accounts that became CUSTOMER in the period (Account.customerSince). Records: kpiAccounts(figure: WON).',
      resolve: (group, _args, context) => figure<number>(context, 'customers', group.query, 'contactsWon'),
    }),
    lost: t.int({
      description:
        'contacts.lost: accounts whose every opportunity closed in the period was LOST and none is open (counting the opportunities the viewer may read). Records: kpiAccounts(figure: LOST).',
      resolve: (group, _args, context) => figure<number>(context, 'customers', group.query, 'contactsLost'),
    }),
  }),
});

interface CustomerRow {
  accountId: string;
  count: number;
  amount: KpiTotal['amount'];
}

const KpiCustomerFigureRef = builder.objectRef<CustomerRow>('KpiCustomerFigure').implement({
  description: "An account's revenue in the period. Records: kpiInvoices(figure: REVENUE) with group.accountId.",
  fields: (t) => ({
    accountId: t.id({ resolve: (row) => encodeGlobalID('Account', row.accountId) }),
    account: t.field({
      type: AccountRef,
      nullable: true,
      description: "Null when the account belongs to a team the viewer may not read (its invoices are the viewer's team's).",
      resolve: (row, _args, context) => kpiLoaders(context).account.load(row.accountId),
    }),
    revenue: t.field({ type: KpiTotalRef, resolve: (row) => ({ count: row.count, amount: row.amount }) }),
  }),
});

export const KpiCustomersRef = builder.objectRef<KpiGroup>('KpiCustomers').implement({
  description: 'customers.* (kpis.md).',
  fields: (t) => ({
    top10: t.field({
      type: [KpiCustomerFigureRef],
      description: 'customers.top10: the 10 accounts with the most revenue in the period, ties by name.',
      resolve: (group, _args, context) => figure<CustomerRow[]>(context, 'invoices', group.query, 'customersTop10'),
    }),
  }),
});

interface ProductRow {
  productId: string;
  count: number;
  amount: KpiTotal['amount'];
  quantity: string;
}

const KpiProductFigureRef = builder.objectRef<ProductRow>('KpiProductFigure').implement({
  description: "A product's revenue in the period from the lines of the revenue invoices. Records: kpiInvoices(figure: REVENUE) with group.productId.",
  fields: (t) => ({
    product: t.field({ type: ProductRef, resolve: async (row, _args, context) => (await kpiLoaders(context).product.load(row.productId))! }),
    revenue: t.field({
      type: KpiTotalRef,
      description: 'count: invoices with the product; amount: the net of its lines.',
      resolve: (row) => ({ count: row.count, amount: row.amount }),
    }),
    quantity: t.field({ type: 'Decimal', description: 'Units invoiced.', resolve: (row) => row.quantity }),
  }),
});

export const KpiProductsRef = builder.objectRef<KpiGroup>('KpiProducts').implement({
  description: 'products.* (kpis.md, Month tab).',
  fields: (t) => ({
    top: t.field({
      type: [KpiProductFigureRef],
      description: 'products.top: revenue per product from invoice lines, top 10 (lines without a product left out).',
      resolve: (group, _args, context) => figure<ProductRow[]>(context, 'invoices', group.query, 'productsTop'),
    }),
  }),
});
