import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveRefresh } from './useLiveRefresh.ts';
import { useQuery } from 'urql';
import { describeChange } from '../../components/opportunity/history-format.ts';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { graphql } from '../../gql';
import { useFormats } from '../../i18n/LocaleProvider.tsx';

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
            oldValue
            restricted
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
              oldValue
              restricted
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
  const { t } = useTranslation();
  const formats = useFormats();
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
          {t('opportunity.history.heading')}
        </h2>
        <div className="tabs" role="tablist" aria-label={t('opportunity.history.heading')}>
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
              {name === 'timeline' ? t('opportunity.history.timeline') : t('opportunity.history.history')}
              {name === 'history' && opportunity && <span className="count">{opportunity.history.totalCount}</span>}
            </button>
          ))}
        </div>
      </div>
      {error && !data && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('opportunity.history.loading')} />}
      {opportunity && tab === 'timeline' && (
        <ol className="timeline" id="panel-timeline" role="tabpanel" aria-labelledby="tab-timeline">
          {opportunity.timeline.edges.map(({ node: item }, index) => {
            if (item.activity) {
              return (
                <li key={`a-${item.activity.id}-${index}`} className="timeline__item timeline__item--activity">
                  <time dateTime={item.at}>{formats.dateTime(item.at)}</time>
                  <span>
                    {t(`activities.type.${item.activity.type}`)}: {item.activity.subject}{' '}
                    <span className="muted">
                      ({t(`activities.status.${item.activity.status}`)}, {item.activity.assignee.name})
                    </span>
                  </span>
                </li>
              );
            }
            if (!item.change) return null;
            const { label, detail } = describeChange(t, formats, item.change);
            return (
              <li key={`c-${item.change.id}`} className="timeline__item">
                <time dateTime={item.at}>{formats.dateTime(item.at)}</time>
                <span>
                  <strong>{label}</strong>
                  {detail && <>: {detail}</>}
                  {item.change.actor && <span className="muted"> · {item.change.actor.name}</span>}
                </span>
              </li>
            );
          })}
          {opportunity.timeline.edges.length === 0 && <li className="muted">{t('opportunity.history.empty')}</li>}
        </ol>
      )}
      {opportunity && tab === 'history' && (
        <div className="table-wrap" id="panel-history" role="tabpanel" aria-labelledby="tab-history">
          <table className="table table--cards history-table" aria-label={t('opportunity.history.history')}>
            <thead>
              <tr>
                <th scope="col">{t('opportunity.history.when')}</th>
                <th scope="col">{t('opportunity.history.who')}</th>
                <th scope="col">{t('opportunity.history.field')}</th>
                <th scope="col">{t('opportunity.history.before')}</th>
                <th scope="col">{t('opportunity.history.after')}</th>
              </tr>
            </thead>
            <tbody>
              {opportunity.history.edges.map(({ node: entry }) => {
                const { label, detail, before, after = detail } = describeChange(t, formats, entry);
                return (
                  <tr key={entry.id}>
                    <td className="table__card-title">{formats.dateTime(entry.at)}</td>
                    <td data-label={t('opportunity.history.who')}>{entry.actor?.name ?? <span className="muted">{t('opportunity.history.system')}</span>}</td>
                    <td data-label={t('opportunity.history.field')}>{label}</td>
                    <td data-label={t('opportunity.history.before')}>{before ?? <span className="muted">—</span>}</td>
                    <td data-label={t('opportunity.history.after')}>{after ?? <span className="muted">—</span>}</td>
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
