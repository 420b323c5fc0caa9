import { lazy, Suspense } from 'react';
import { Route } from 'react-router';

// The chart library is loaded only with the dashboards.
const KpiDashboardPage = lazy(() => import('./KpiDashboardPage.tsx').then((module) => ({ default: module.KpiDashboardPage })));
const KpiRecordsPage = lazy(() => import('./KpiRecordsPage.tsx').then((module) => ({ default: module.KpiRecordsPage })));

/** The dashboards and the records behind their figures, for the selling roles (see App.tsx). */
export const kpiRoutes = (
  <>
    <Route
      path="kpis"
      element={
        <Suspense fallback={null}>
          <KpiDashboardPage />
        </Suspense>
      }
    />
    <Route
      path="kpis/records"
      element={
        <Suspense fallback={null}>
          <KpiRecordsPage />
        </Suspense>
      }
    />
  </>
);
