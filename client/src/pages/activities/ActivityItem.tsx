import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActivityCheckbox } from '../../components/opportunity/ActivityCheckbox.tsx';
import type { ActivityFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { ActivityActions } from './ActivityActions.tsx';
import { activityRecord } from './activity-paths.ts';

interface Props {
  activity: ActivityFieldsFragment;
  /** Show the record it is about (lists across records); a record's own page leaves it out. */
  showRecord?: boolean;
  onNotice(text: string): void;
  onError(text: string): void;
}

/** One activity in a list: done checkbox, what and when, outcome and notes, and what the viewer may do with it. */
export function ActivityItem({ activity, showRecord = false, onNotice, onError }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const record = showRecord ? activityRecord(activity) : null;
  return (
    <li className={`activity activity--${activity.status.toLowerCase()}`} data-testid="activity">
      <ActivityCheckbox activity={activity} disabled={!activity.viewerCanEdit} onError={onError} />
      <div className="activity__body">
        <p className="activity__subject">
          <span className="activity__type">{t(`activities.type.${activity.type}`)}</span> {activity.subject}
        </p>
        <p className="activity__meta muted">
          {activity.status === 'COMPLETED' && activity.doneAt
            ? t('activities.doneAt', { when: formats.dateTime(activity.doneAt) })
            : activity.dueAt
              ? t('activities.due', { when: formats.due(activity.dueAt) })
              : t('activities.noDue')}
          {activity.durationMinutes ? ` · ${t('agenda.minutes', { count: activity.durationMinutes })}` : ''}
          {' · '}
          {activity.assignee.name}
          {record && (
            <>
              {' · '}
              <Link to={record.path}>{record.label}</Link>
            </>
          )}
        </p>
        {activity.outcome && (
          <p className="activity__outcome">
            <span className="muted">{t('agenda.form.outcome')}:</span> {activity.outcome}
          </p>
        )}
        {activity.notes && <p className="activity__notes pre-wrap">{activity.notes}</p>}
        <ActivityActions activity={activity} onNotice={onNotice} onError={onError} />
      </div>
      {activity.status === 'OVERDUE' && <span className="status status--overdue">{t('activities.status.OVERDUE')}</span>}
    </li>
  );
}
