import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { pipelinePaths } from '../opportunity/paths.ts';
import { notificationTitle } from './notification-title.ts';
import { useInbox } from './useInbox.ts';

/**
 * The bell in the header: how many notifications are unread, and the list of them. Opening one
 * marks it read and goes to its opportunity.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { inbox, loadOlder, markAsRead } = useInbox();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = inbox.unread > 0 ? `(${inbox.unread}) ${base}` : base;
  }, [inbox.unread]);

  function openNotification(notification: NotificationFieldsFragment) {
    if (!notification.readAt) void markAsRead([notification.id]);
    setOpen(false);
    if (notification.opportunity) navigate(pipelinePaths.opportunity(notification.opportunity.id));
  }

  const label = t('notifications.bellLabel', { count: inbox.unread });
  return (
    <div className="notification-bell" ref={root}>
      <button
        type="button"
        className="notification-bell__button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">🔔</span>
        {inbox.unread > 0 && (
          <span className="notification-bell__count" data-testid="notification-count" aria-hidden="true">
            {inbox.unread > 99 ? '99+' : inbox.unread}
          </span>
        )}
      </button>
      {open && (
        <section className="notification-panel" id={panelId} aria-label={t('notifications.title')}>
          <header className="notification-panel__header">
            <h2>{t('notifications.title')}</h2>
            <button type="button" className="button button--secondary button--small" disabled={inbox.unread === 0} onClick={() => void markAsRead(null)}>
              {t('notifications.markAllRead')}
            </button>
          </header>
          {inbox.items.length === 0 ? (
            <p className="notification-panel__empty">{inbox.loaded ? t('notifications.empty') : t('common.loadingShort')}</p>
          ) : (
            <ul className="notification-panel__list">
              {inbox.items.map((notification) => (
                <li
                  key={notification.id}
                  className={`notification${notification.readAt ? '' : ' notification--unread'}`}
                  data-testid="notification"
                  data-unread={notification.readAt ? undefined : 'true'}
                >
                  <button type="button" className="notification__open" onClick={() => openNotification(notification)}>
                    <span className="notification__title">{notificationTitle(t, notification)}</span>
                    {notification.body && <span className="notification__body">{notification.body}</span>}
                    <span className="notification__meta" title={formats.dateTime(notification.createdAt)}>
                      {notification.actor ? `${notification.actor.name} · ` : ''}
                      {formats.relative(notification.createdAt)}
                      {notification.readAt ? '' : ` · ${t('notifications.unread')}`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {inbox.hasOlder && (
            <div className="notification-panel__more">
              <button type="button" className="button button--secondary button--small" onClick={() => void loadOlder()}>
                {t('notifications.showOlder')}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
