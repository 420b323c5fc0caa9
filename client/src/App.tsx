import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { SELLING_ROLES } from './components/nav-items.ts';
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
import { OpportunityPage } from './pages/opportunity/OpportunityPage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';

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
          <Route path="contacts/:id/edit" element={<ContactFormPage />} />
          <Route element={<RequireRole roles={SELLING_ROLES} />}>
            <Route path="board" element={<BoardPage />} />
            <Route path="board/:pipelineId" element={<BoardPage />} />
            <Route path="opportunities/:id" element={<OpportunityPage />} />
            <Route path="tasks" element={<MyTasksPage />} />
            <Route path="import" element={<ImportPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
