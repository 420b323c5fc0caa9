import type { TFunction } from 'i18next';
import type { NotificationFieldsFragment } from '../../gql/graphql.ts';
import { fieldLabel } from '../opportunity/history-format.ts';

type Notification = Pick<
  NotificationFieldsFragment,
  'kind' | 'title' | 'closedStatus' | 'changedFields' | 'activityType' | 'activitySubject' | 'opportunity'
>;

/**
 * A notification's title in the user's language, from its kind and what it says as data. The
 * server's (English) title stays the answer for what that data cannot tell: a notification
 * written before the data was kept, or about an opportunity the user may no longer read.
 */
export function notificationTitle(t: TFunction, notification: Notification): string {
  const { kind, activityType, activitySubject: subject, closedStatus } = notification;
  const opportunity = notification.opportunity ? `${notification.opportunity.humanId} ${notification.opportunity.title}` : null;
  const type = activityType ? t(`activities.type.${activityType}`) : null;
  switch (kind) {
    case 'ACTIVITY_DUE':
      return subject ? t('notifications.kind.dueSoon', { subject }) : notification.title;
    case 'ACTIVITY_OVERDUE':
      return subject ? t('notifications.kind.overdue', { subject }) : notification.title;
    case 'ACTIVITY_ASSIGNED':
      if (!type || !subject) return notification.title;
      return opportunity ? t('notifications.kind.assignedOn', { type, subject, opportunity }) : t('notifications.kind.assigned', { type, subject });
    case 'OWNER_ASSIGNED':
      return opportunity ? t('notifications.kind.owner', { opportunity }) : notification.title;
    case 'OPPORTUNITY_CHANGED':
      if (!opportunity) return notification.title;
      if (closedStatus === 'WON') return t('notifications.kind.won', { opportunity });
      if (closedStatus === 'LOST') return t('notifications.kind.lost', { opportunity });
      if (type) return t('notifications.kind.activityAdded', { type, opportunity });
      if (notification.changedFields.length > 0) {
        const fields = notification.changedFields.map((field) => fieldLabel(t, field)).join(', ');
        return t('notifications.kind.changed', { opportunity, fields });
      }
      return notification.title;
  }
}
