import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { paths } from '../../lib/paths.ts';
import { RecordActivitiesQuery } from './record-queries.ts';
import type { RecordSubject } from './record-subject.ts';

const PAGE_SIZE = 20;
const listContext = { additionalTypenames: ['Activity'] };

/**
 * The activities of an account (its own, its contacts' and its opportunities') or of a contact:
 * open ones first by due date, then the done ones. Read here; they are changed where they are
 * logged.
 */
export function RecordActivities({ subject, title }: { subject: RecordSubject; title: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const variables = cursor.before
    ? { filter: subject, last: PAGE_SIZE, before: cursor.before }
    : { filter: subject, first: PAGE_SIZE, after: cursor.after ?? null };
  const [{ data, error, fetching }] = useQuery({ query: RecordActivitiesQuery, variables, requestPolicy: 'cache-and-network', context: listContext });
  const activities = data?.activities;

  return (
    <section className="card" aria-labelledby="record-activities-title">
      {/* "Log activity" for this record belongs in this header (the activity form of pages/activities). */}
      <div className="section-header">
        <h2 id="record-activities-title">{title}</h2>
      </div>
      {error && <QueryError error={error} />}
      {!activities && fetching && <Loading what={t('activities.loading')} />}
      {activities && activities.edges.length === 0 && <p className="muted">{t('activities.none')}</p>}
      {activities && activities.edges.length > 0 && (
        <ul className="task-list" aria-labelledby="record-activities-title">
          {activities.edges.map(({ node: activity }) => (
            <li key={activity.id} className={`task${activity.status === 'OVERDUE' ? ' task--overdue' : ''}`} data-testid="record-activity">
              <div className="task__body">
                <p className="task__subject">
                  <span className="activity__type">{t(`activities.type.${activity.type}`)}</span> {activity.subject}
                </p>
                <p className="task__meta">
                  {activity.status !== 'COMPLETED' && <span className={`status status--${activity.status.toLowerCase()}`}>{t(`activities.status.${activity.status}`)}</span>}
                  <span className="muted">
                    {activity.doneAt
                      ? t('activities.doneAt', { when: formats.dateTime(activity.doneAt) })
                      : activity.dueAt
                        ? t('activities.due', { when: formats.due(activity.dueAt) })
                        : t('activities.noDue')}
                  </span>
                  <span className="muted">{activity.assignee.name}</span>
                  {activity.opportunity && (
                    <Link to={pipelinePaths.opportunity(activity.opportunity.id)}>
                      {activity.opportunity.humanId} {activity.opportunity.title}
                    </Link>
                  )}
                  {activity.contact && 'accountId' in subject && <Link to={paths.contact(activity.contact.id)}>{activity.contact.fullName}</Link>}
                </p>
                {activity.outcome && <p className="activity__notes">{activity.outcome}</p>}
                {activity.notes && <p className="activity__notes pre-wrap">{activity.notes}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {activities && (
        <Pager label={t('records.activities.pages')} pageInfo={activities.pageInfo} onPrevious={(before) => setCursor({ before })} onNext={(after) => setCursor({ after })} />
      )}
    </section>
  );
}
