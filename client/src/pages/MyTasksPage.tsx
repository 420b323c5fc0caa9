import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ActivityCheckbox } from '../components/opportunity/ActivityCheckbox.tsx';
import { pipelinePaths } from '../components/opportunity/paths.ts';
import { Pager } from '../components/Pager.tsx';
import { Loading, QueryError } from '../components/QueryStatus.tsx';
import { graphql } from '../gql';
import { useFormats } from '../i18n/LocaleProvider.tsx';
import { paths } from '../lib/paths.ts';

const PAGE_SIZE = 50;

const MyTasksQuery = graphql(`
  query MyTasks($first: Int, $after: String, $last: Int, $before: String) {
    myTasks(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          type
          subject
          status
          dueAt
          notes
          viewerCanEdit
          opportunity {
            id
            humanId
            title
          }
          account {
            id
            name
          }
          contact {
            id
            fullName
          }
        }
      }
    }
  }
`);

/** `/tasks`: the viewer's open activities, the overdue ones first and marked. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const variables = cursor.before ? { last: PAGE_SIZE, before: cursor.before } : { first: PAGE_SIZE, after: cursor.after ?? null };
  // A completed task leaves the list; a new one must appear although the cached list was empty.
  const context = useMemo(() => ({ additionalTypenames: ['Activity'] }), []);
  const [{ data, error, fetching }] = useQuery({ query: MyTasksQuery, variables, requestPolicy: 'cache-and-network', context });
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const tasks = data?.myTasks;
  const overdue = tasks?.edges.filter(({ node }) => node.status === 'OVERDUE').length ?? 0;

  return (
    <section aria-labelledby="tasks-title">
      <div className="page-header">
        <div>
          <h1 id="tasks-title">{t('activities.myTasks.title')}</h1>
          {tasks && (
            <p className="muted" data-testid="task-count">
              {t('activities.myTasks.open', { count: tasks.totalCount })}
              {overdue > 0 && <span className="tasks__overdue-count">, {t('activities.myTasks.overdueOnPage', { count: overdue })}</span>}
            </p>
          )}
        </div>
      </div>
      {notice && (
        <div className={`banner ${notice.error ? 'banner--error' : 'banner--success'}`} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {error && !data && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('activities.myTasks.loading')} />}
      {tasks && tasks.edges.length === 0 && <p className="empty">{t('activities.myTasks.none')}</p>}
      {tasks && tasks.edges.length > 0 && (
        <ul className="task-list" aria-label={t('activities.myTasks.listLabel')}>
          {tasks.edges.map(({ node: task }) => (
            <li key={task.id} className={`task${task.status === 'OVERDUE' ? ' task--overdue' : ''}`} data-testid="task">
              <ActivityCheckbox
                activity={task}
                disabled={!task.viewerCanEdit}
                onChanged={() => setNotice({ text: t('activities.doneLabel', { subject: task.subject }) })}
                onError={(text) => setNotice({ text, error: true })}
              />
              <div className="task__body">
                <p className="task__subject">
                  <span className="activity__type">{t(`activities.type.${task.type}`)}</span> {task.subject}
                </p>
                <p className="task__meta">
                  {task.status === 'OVERDUE' && <span className="status status--overdue">{t('activities.status.OVERDUE')}</span>}
                  <span className={task.status === 'OVERDUE' ? 'task__due--overdue' : 'muted'}>
                    {task.dueAt ? t('activities.due', { when: formats.due(task.dueAt) }) : t('activities.noDue')}
                  </span>
                  {task.opportunity ? (
                    <Link to={pipelinePaths.opportunity(task.opportunity.id)}>
                      {task.opportunity.humanId} {task.opportunity.title}
                    </Link>
                  ) : task.account ? (
                    <Link to={paths.account(task.account.id)}>{task.account.name}</Link>
                  ) : null}
                  {task.contact && <span className="muted">{task.contact.fullName}</span>}
                </p>
                {task.notes && <p className="activity__notes">{task.notes}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {tasks && (
        <Pager
          label={t('activities.myTasks.pages')}
          pageInfo={tasks.pageInfo}
          onPrevious={(before) => setCursor({ before })}
          onNext={(after) => setCursor({ after })}
        />
      )}
    </section>
  );
}
