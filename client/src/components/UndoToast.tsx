import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastMessage {
  /** Tells toasts apart, so a new one restarts the timer. */
  id: number;
  text: string;
  /** Takes the action back; absent when it cannot be undone. */
  undo?: () => void;
}

/** How long a toast (and with it the chance to undo) stays. */
export const TOAST_MS = 8_000;

/**
 * What just happened, at the bottom of the screen for a few seconds, with "Undo" when it can be
 * taken back. Announced politely to screen readers.
 */
export function UndoToast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss(): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(onDismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" data-testid="toast">
          <span className="toast__text">{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              className="button button--small toast__undo"
              onClick={() => {
                toast.undo?.();
                onDismiss();
              }}
            >
              {t('common.undo')}
            </button>
          )}
          <button type="button" className="toast__close" aria-label={t('common.dismiss')} onClick={onDismiss}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
