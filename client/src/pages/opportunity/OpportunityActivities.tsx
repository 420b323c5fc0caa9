import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { graphql } from '../../gql';
import { ActivityFormDialog } from '../activities/ActivityForm.tsx';
import { ActivityItem } from '../activities/ActivityItem.tsx';
import { ApplyPlanDialog } from '../activities/ApplyPlanDialog.tsx';
import { useLiveRefresh } from './useLiveRefresh.ts';

const OpportunityActivitiesQuery = graphql(`
  query OpportunityActivities($id: ID!) {
    opportunity(id: $id) {
      id
      activities(first: 100) {
        totalCount
        edges {
          node {
            ...ActivityFields
          }
        }
      }
    }
  }
`);

type OpenDialog = 'new' | 'log' | 'plan' | null;

interface Props {
  opportunityId: string;
  refreshKey: number;
  /** The viewer's role adds activities. */
  canAdd: boolean;
  /** The viewer may change this open opportunity, and so schedule its pipeline's plan. */
  canApplyPlan: boolean;
}

/** The opportunity's calls, meetings, tasks, ...: open ones first; new, logged afterwards, or from the pipeline's plan. */
export function OpportunityActivities({ opportunityId, refreshKey, canAdd, canApplyPlan }: Props) {
  const { t } = useTranslation();
  const context = useMemo(() => ({ additionalTypenames: ['Activity'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: OpportunityActivitiesQuery,
    variables: { id: opportunityId },
    requestPolicy: 'cache-and-network',
    context,
  });
  useLiveRefresh(refreshKey, reexecute);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const activities = data?.opportunity?.activities;
  const close = () => setDialog(null);
  const showNotice = (text: string) => setNotice({ text });
  const showError = (text: string) => setNotice({ text, error: true });

  return (
    <section className="card" aria-labelledby="activities-title">
      <div className="section-header">
        <h2 id="activities-title">
          {t('activities.title')}
          {activities && <span className="count">{activities.totalCount}</span>}
        </h2>
      </div>
      {canAdd && (
        <div className="activity-toolbar">
          <button type="button" className="button button--secondary button--small" onClick={() => setDialog('new')}>
            {t('agenda.form.newTitle')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setDialog('log')}>
            {t('agenda.form.logTitle')}
          </button>
          {canApplyPlan && (
            <button type="button" className="button button--ghost button--small" onClick={() => setDialog('plan')}>
              {t('agenda.plan.open')}
            </button>
          )}
        </div>
      )}
      {notice && (
        <div className={`banner ${notice.error ? 'banner--error' : 'banner--success'}`} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {error && !data && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('activities.loading')} />}
      {activities && activities.edges.length === 0 && <p className="muted">{t('activities.none')}</p>}
      {activities && activities.edges.length > 0 && (
        <ul className="activity-list" aria-label={t('activities.title')}>
          {activities.edges.map(({ node: activity }) => (
            <ActivityItem key={activity.id} activity={activity} onNotice={showNotice} onError={showError} />
          ))}
        </ul>
      )}
      {(dialog === 'new' || dialog === 'log') && (
        <ActivityFormDialog
          regarding={{ opportunityId }}
          alreadyHappened={dialog === 'log'}
          onCancel={close}
          onSaved={(saved) => {
            close();
            showNotice(t('agenda.form.added', { subject: saved.subject }));
          }}
        />
      )}
      {dialog === 'plan' && <ApplyPlanDialog opportunityId={opportunityId} onClose={close} />}
    </section>
  );
}
