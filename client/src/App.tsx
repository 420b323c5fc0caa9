import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { ADMIN_ROLES, SELLING_ROLES, SETTINGS_ROLES } from './components/nav-items.ts';
import { RequireRole } from './session/RequireRole.tsx';
import { RequireSession } from './session/RequireSession.tsx';
import { AccountDetailPage } from './pages/AccountDetailPage.tsx';
import { AccountFormPage } from './pages/AccountFormPage.tsx';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { ContactFormPage } from './pages/ContactFormPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { BoardPage } from './pages/board/BoardPage.tsx';
import { MyTasksPage } from './pages/MyTasksPage.tsx';
import { ActivitiesPage } from './pages/activities/ActivitiesPage.tsx';
import { ActivityWeekPage } from './pages/activities/ActivityWeekPage.tsx';
import { OpportunityPage } from './pages/opportunity/OpportunityPage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';
import { billingRoutes } from './pages/billing/billing-routes.tsx';
import { kpiRoutes } from './pages/kpis/kpi-routes.tsx';
import { CustomerStatusesPage } from './pages/settings/CustomerStatusesPage.tsx';
import { ForecastCategoriesPage } from './pages/settings/ForecastCategoriesPage.tsx';
import { LossReasonsPage } from './pages/settings/LossReasonsPage.tsx';
import { OrganisationPage } from './pages/settings/OrganisationPage.tsx';
import { PipelinesPage } from './pages/settings/PipelinesPage.tsx';
import { PrioritiesPage } from './pages/settings/PrioritiesPage.tsx';
import { ProductsPage } from './pages/settings/ProductsPage.tsx';
import { ProfilePage } from './pages/settings/ProfilePage.tsx';
import { SettingsIndex, SettingsLayout } from './pages/settings/SettingsLayout.tsx';
import { SourcesPage } from './pages/settings/SourcesPage.tsx';
import { TagsPage } from './pages/settings/TagsPage.tsx';
import { TeamsPage } from './pages/settings/TeamsPage.tsx';
import { UsersPage } from './pages/settings/UsersPage.tsx';
import { OpportunityListPage } from './pages/opportunities/OpportunityListPage.tsx';
import { ContactPage } from './pages/contacts/ContactPage.tsx';
import { ContactsPage } from './pages/contacts/ContactsPage.tsx';

// A new page: its route here (inside <RequireRole> when only some roles may use it) and, when it
// belongs in the main navigation, an entry in components/nav-items.ts with the same roles.
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/accounts" replace />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="accounts/new" element={<AccountFormPage />} />
          <Route path="accounts/:id" element={<AccountDetailPage />} />
          <Route path="accounts/:id/edit" element={<AccountFormPage />} />
          <Route path="accounts/:accountId/contacts/new" element={<ContactFormPage />} />
          <Route path="contacts" element={<ContactsPage />} />
          <Route path="contacts/:id" element={<ContactPage />} />
          <Route path="contacts/:id/edit" element={<ContactFormPage />} />
          <Route element={<RequireRole roles={SELLING_ROLES} />}>
            <Route path="board" element={<BoardPage />} />
            <Route path="board/:pipelineId" element={<BoardPage />} />
            <Route path="opportunities" element={<OpportunityListPage />} />
            <Route path="opportunities/:id" element={<OpportunityPage />} />
            <Route path="tasks" element={<MyTasksPage />} />
            <Route path="import" element={<ImportPage />} />
            <Route path="activities" element={<ActivitiesPage />} />
            <Route path="activities/week" element={<ActivityWeekPage />} />
            {billingRoutes}
            {kpiRoutes}
          </Route>
          <Route path="profile" element={<ProfilePage />} />
          {/* The settings; their own navigation is pages/settings/settings-pages.ts. */}
          <Route element={<RequireRole roles={SETTINGS_ROLES} />}>
            <Route path="settings" element={<SettingsLayout />}>
              <Route index element={<SettingsIndex />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="teams" element={<TeamsPage />} />
              <Route element={<RequireRole roles={ADMIN_ROLES} />}>
                <Route path="pipelines" element={<PipelinesPage />} />
                <Route path="pipelines/:pipelineId" element={<PipelinesPage />} />
                <Route path="loss-reasons" element={<LossReasonsPage />} />
                <Route path="sources" element={<SourcesPage />} />
                <Route path="tags" element={<TagsPage />} />
                <Route path="priorities" element={<PrioritiesPage />} />
                <Route path="forecast-categories" element={<ForecastCategoriesPage />} />
                <Route path="customer-statuses" element={<CustomerStatusesPage />} />
                <Route path="products" element={<ProductsPage />} />
                <Route path="organisation" element={<OrganisationPage />} />
              </Route>
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
