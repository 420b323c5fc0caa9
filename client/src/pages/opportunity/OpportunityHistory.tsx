import { useMemo, useState } from 'react';
import { useLiveRefresh } from './useLiveRefresh.ts';
import { useQuery } from 'urql';
import { activityTypeLabel } from '../../components/opportunity/activity-format.ts';
import { describeChange } from '../../components/opportunity/history-format.ts';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format.ts';

const OpportunityHistoryQuery = graphql(`
  query OpportunityHistory($id: ID!) {
    opportunity(id: $id) {
      id
      history(first: 100) {
        totalCount
        edges {
          node {
            id
            at
            field
            oldDisplay
            newDisplay
            newValue
            actor {
              id
              name
            }
          }
        }
      }
      timeline(first: 100) {
        edges {
          node {
            kind
            at
            activity {
              id
              type
              subject
              status
              assignee {
                id
                name
              }
            }
            change {
              id
              field
              oldDisplay
              newDisplay
              newValue
              actor {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

type Tab = 'timeline' | 'history';

/** The timeline (activities and changes merged) and the full field history, newest first. */
export function OpportunityHistory({ opportunityId, refreshKey }: { opportunityId: string; refreshKey: number }) {
  const [tab, setTab] = useState<Tab>('timeline');
  const context = useMemo(() => ({ additionalTypenames: ['Activity', 'Opportunity'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: OpportunityHistoryQuery,
    variables: { id: opportunityId },
    requestPolicy: 'cache-and-network',
    context,
  });
  useLiveRefresh(refreshKey, reexecute);
  const opportunity = data?.opportunity;

  return (
    <section className="card" aria-labelledby="history-title">
      <div className="section-header">
        <h2 id="history-title" className="visually-hidden">
          Timeline and history
        </h2>
        <div className="tabs" role="tablist" aria-label="Timeline and history">
          {(['timeline', 'history'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              className={`tabs__tab${tab === name ? ' tabs__tab--active' : ''}`}
              onClick={() => setTab(name)}
            >
              {name === 'timeline' ? 'Timeline' : 'History'}
              {name === 'history' && opportunity && <span className="count">{opportunity.history.totalCount}</span>}
            </button>
          ))}
        </div>
      </div>
      {error && !data && <QueryError error={error} />}
      {!data && fetching && <Loading what="the history" />}
      {opportunity && tab === 'timeline' && (
        <ol className="timeline" id="panel-timeline" role="tabpanel" aria-labelledby="tab-timeline">
          {opportunity.timeline.edges.map(({ node: item }, index) => {
            if (item.activity) {
              return (
                <li key={`a-${item.activity.id}-${index}`} className="timeline__item timeline__item--activity">
                  <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                  <span>
                    {activityTypeLabel(item.activity.type)}: {item.activity.subject}{' '}
                    <span className="muted">
                      ({item.activity.status.toLowerCase()}, {item.activity.assignee.name})
                    </span>
                  </span>
                </li>
              );
            }
            if (!item.change) return null;
            const { label, detail } = describeChange(item.change);
            return (
              <li key={`c-${item.change.id}`} className="timeline__item">
                <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                <span>
                  <strong>{label}</strong>
                  {detail && <>: {detail}</>}
                  {item.change.actor && <span className="muted"> · {item.change.actor.name}</span>}
                </span>
              </li>
            );
          })}
          {opportunity.timeline.edges.length === 0 && <li className="muted">Nothing yet.</li>}
        </ol>
      )}
      {opportunity && tab === 'history' && (
        <div className="table-wrap" id="panel-history" role="tabpanel" aria-labelledby="tab-history">
          <table className="table history-table" aria-label="History">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {opportunity.history.edges.map(({ node: entry }) => {
                const { label, detail, before, after = detail } = describeChange(entry);
                return (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.at)}</td>
                    <td>{entry.actor?.name ?? <span className="muted">system</span>}</td>
                    <td>{label}</td>
                    <td>{before ?? <span className="muted">—</span>}</td>
                    <td>{after ?? <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
