import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App } from './App.tsx';
import './i18n/i18n.ts';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';
import './styles.css';

// A data router (rather than <BrowserRouter>) so that pages can block leaving with unsaved
// changes (useBlocker); the routes themselves are declared in App.tsx.
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <SessionProvider>
        <LocaleProvider>
          <App />
        </LocaleProvider>
      </SessionProvider>
    ),
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
