import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { ActivityFormDialog } from '../activities/ActivityForm.tsx';
import { ActivityItem } from '../activities/ActivityItem.tsx';
import { RecordActivitiesQuery } from './record-queries.ts';
import type { RecordSubject } from './record-subject.ts';

const PAGE_SIZE = 20;
const listContext = { additionalTypenames: ['Activity'] };

type OpenDialog = 'new' | 'log' | null;

/**
 * The activities of an account (its own, its contacts' and its opportunities') or of a contact:
 * open ones first by due date, then the done ones, each with what the viewer may do with it. A new
 * activity, or one logged afterwards, is about this record (the one form of pages/activities); the
 * tab is shown to the selling roles only, and reading the record is enough to add one.
 */
export function RecordActivities({ subject, title }: { subject: RecordSubject; title: string }) {
  const { t } = useTranslation();
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const variables = cursor.before
    ? { filter: subject, last: PAGE_SIZE, before: cursor.before }
    : { filter: subject, first: PAGE_SIZE, after: cursor.after ?? null };
  const [{ data, error, fetching }] = useQuery({ query: RecordActivitiesQuery, variables, requestPolicy: 'cache-and-network', context: listContext });
  const activities = data?.activities;
  const close = () => setDialog(null);
  const showNotice = (text: string) => setNotice({ text });
  const showError = (text: string) => setNotice({ text, error: true });

  return (
    <section className="card" aria-labelledby="record-activities-title">
      <div className="section-header">
        <h2 id="record-activities-title">{title}</h2>
        <div className="activity-toolbar">
          <button type="button" className="button button--secondary button--small" onClick={() => setDialog('new')}>
            {t('agenda.form.newTitle')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setDialog('log')}>
            {t('agenda.form.logTitle')}
          </button>
        </div>
      </div>
      {notice && (
        <div className={`banner ${notice.error ? 'banner--error' : 'banner--success'}`} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {error && <QueryError error={error} />}
      {!activities && fetching && <Loading what={t('activities.loading')} />}
      {activities && activities.edges.length === 0 && <p className="muted">{t('activities.none')}</p>}
      {activities && activities.edges.length > 0 && (
        <ul className="activity-list" aria-labelledby="record-activities-title">
          {activities.edges.map(({ node: activity }) => (
            // The record's own activities need no link to it; those of its opportunities name them.
            <ActivityItem key={activity.id} activity={activity} showRecord={activity.opportunity !== null} onNotice={showNotice} onError={showError} />
          ))}
        </ul>
      )}
      {activities && (
        <Pager label={t('records.activities.pages')} pageInfo={activities.pageInfo} onPrevious={(before) => setCursor({ before })} onNext={(after) => setCursor({ after })} />
      )}
      {dialog && (
        <ActivityFormDialog
          regarding={subject}
          alreadyHappened={dialog === 'log'}
          onCancel={close}
          onSaved={(saved) => {
            close();
            showNotice(t('agenda.form.added', { subject: saved.subject }));
          }}
        />
      )}
    </section>
  );
}
