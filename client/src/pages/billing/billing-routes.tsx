import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import './billing.css';
import { CampaignFormPage } from '../campaigns/CampaignFormPage.tsx';
import { CampaignPage } from '../campaigns/CampaignPage.tsx';
import { CampaignsPage } from '../campaigns/CampaignsPage.tsx';
import { DocumentFormPage } from './DocumentFormPage.tsx';
import { InvoicesPage, OrdersPage, QuotesPage } from './DocumentListPages.tsx';
import { InvoicePage } from './InvoicePage.tsx';
import { OrderPage } from './OrderPage.tsx';
import { PrintDocumentPage } from './PrintDocumentPage.tsx';
import { QuotePage } from './QuotePage.tsx';

// The chart library is loaded only with the budget page.
const BudgetsPage = lazy(() => import('../budgets/BudgetsPage.tsx').then((module) => ({ default: module.BudgetsPage })));

/** The routes of quotes, orders, invoices, campaigns and budgets, for the selling roles (see App.tsx). */
export const billingRoutes = (
  <>
    <Route path="quotes" element={<QuotesPage />} />
    <Route path="quotes/new" element={<DocumentFormPage kind="QUOTE" />} />
    <Route path="quotes/:id" element={<QuotePage />} />
    <Route path="quotes/:id/edit" element={<DocumentFormPage kind="QUOTE" />} />
    <Route path="quotes/:id/print" element={<PrintDocumentPage kind="QUOTE" />} />
    <Route path="orders" element={<OrdersPage />} />
    <Route path="orders/new" element={<DocumentFormPage kind="ORDER" />} />
    <Route path="orders/:id" element={<OrderPage />} />
    <Route path="orders/:id/edit" element={<DocumentFormPage kind="ORDER" />} />
    <Route path="orders/:id/print" element={<PrintDocumentPage kind="ORDER" />} />
    <Route path="invoices" element={<InvoicesPage />} />
    <Route path="invoices/new" element={<DocumentFormPage kind="INVOICE" />} />
    <Route path="invoices/:id" element={<InvoicePage />} />
    <Route path="invoices/:id/print" element={<PrintDocumentPage kind="INVOICE" />} />
    <Route path="campaigns" element={<CampaignsPage />} />
    <Route path="campaigns/new" element={<CampaignFormPage />} />
    <Route path="campaigns/:id" element={<CampaignPage />} />
    <Route path="campaigns/:id/edit" element={<CampaignFormPage />} />
    <Route
      path="budgets"
      element={
        <Suspense fallback={null}>
          <BudgetsPage />
        </Suspense>
      }
    />
  </>
);
