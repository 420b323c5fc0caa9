import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Dialog } from '../components/opportunity/Dialog.tsx';

/**
 * While `dirty`, leaving the page asks first: a link or the back button inside the app opens a
 * dialog (router blocker), closing or reloading the tab gets the browser's own question
 * (beforeunload). Render the returned element. Use it once per page: the router keeps one blocker.
 */
export function useUnsavedChangesPrompt(dirty: boolean) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog title={t('common.unsavedChanges')} onClose={() => blocker.reset()}>
      <p>{t('common.unsavedLeave')}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={() => blocker.reset()} autoFocus>
          {t('common.stay')}
        </button>
        <button type="button" className="button button--danger-outline" onClick={() => blocker.proceed()}>
          {t('common.leave')}
        </button>
      </div>
    </Dialog>
  );
}
