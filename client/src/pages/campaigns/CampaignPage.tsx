import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { OpportunityStatus } from '../../gql/graphql.ts';
import { formatDate } from '../../lib/format.ts';
import { formatMoney } from '../billing/billing-format.ts';
import { CampaignDetailQuery } from './campaign-queries.ts';
import { formatReturn } from './CampaignsPage.tsx';
import { CAMPAIGN_STATUS, CAMPAIGN_TYPE, T } from './texts.ts';

const TABS: Array<{ label: string; statuses: OpportunityStatus[] | null }> = [
  { label: T.all, statuses: null },
  { label: T.open, statuses: ['OPEN'] },
  { label: T.won, statuses: ['WON'] },
  { label: T.lost, statuses: ['LOST'] },
];

/** `/campaigns/:id`: a campaign's opportunities (open, won, lost), pipeline value, revenue, cost and return. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const [tab, setTab] = useState(0);
  const [{ data, error, fetching }] = useQuery({ query: CampaignDetailQuery, variables: { id, statuses: TABS[tab].statuses }, requestPolicy: 'cache-and-network' });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what="the campaign" />;
  const campaign = data.campaign;
  if (!campaign) {
    return (
      <div className="empty">
        <p>{T.notFound}</p>
        <Link to="/campaigns">{T.back}</Link>
      </div>
    );
  }
  const { results } = campaign;
  return (
    <article aria-labelledby="campaign-heading">
      <p className="breadcrumb">
        <Link to="/campaigns">{T.back}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 id="campaign-heading">{campaign.name}</h1>
          <span className="status">{CAMPAIGN_TYPE[campaign.type]}</span> <span className="status">{CAMPAIGN_STATUS[campaign.status]}</span>
        </div>
        {campaign.viewerCanEdit && (
          <Link to={`/campaigns/${encodeURIComponent(campaign.id)}/edit`} className="button button--secondary">
            {T.edit}
          </Link>
        )}
      </div>
      <section className="card">
        <dl className="summary kpis" data-testid="campaign-results">
          <div>
            <dt>{T.period}</dt>
            <dd>
              {formatDate(campaign.startDate)}
              {campaign.endDate && ` – ${formatDate(campaign.endDate)}`}
            </dd>
          </div>
          <div>
            <dt>{T.open} / {T.won} / {T.lost}</dt>
            <dd>
              {results.openCount} / {results.wonCount} / {results.lostCount}
            </dd>
          </div>
          <div>
            <dt>{T.pipelineValue}</dt>
            <dd>{formatMoney(results.pipelineValue)}</dd>
          </div>
          <div>
            <dt>{T.wonAmount}</dt>
            <dd>{formatMoney(results.wonAmount)}</dd>
          </div>
          <div>
            <dt>{T.revenue}</dt>
            <dd>{formatMoney(results.revenue)}</dd>
          </div>
          <div>
            <dt>{T.cost}</dt>
            <dd>{formatMoney(results.cost)}</dd>
          </div>
          <div>
            <dt>{T.returnOnCost}</dt>
            <dd>{formatReturn(results.returnOnCost)}</dd>
          </div>
        </dl>
        {campaign.description && <p className="pre-wrap">{campaign.description}</p>}
        <p className="muted">{T.readOnlyHint}</p>
      </section>
      <section className="card" aria-labelledby="campaign-opportunities-title">
        <h2 id="campaign-opportunities-title">
          {T.opportunities} ({campaign.opportunities.totalCount})
        </h2>
        <div className="tabs" role="tablist" aria-label={T.opportunities}>
          {TABS.map((candidate, index) => (
            <button key={candidate.label} type="button" role="tab" aria-selected={tab === index} className={`tabs__tab${tab === index ? ' tabs__tab--active' : ''}`} onClick={() => setTab(index)}>
              {candidate.label}
            </button>
          ))}
          {fetching && <span className="spinner" aria-label="Loading" />}
        </div>
        {campaign.opportunities.edges.length === 0 ? (
          <p className="muted">{T.noOpportunities}</p>
        ) : (
          <table className="table">
            <tbody>
              {campaign.opportunities.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/opportunities/${encodeURIComponent(node.id)}`}>
                      {node.humanId} {node.title}
                    </Link>
                  </td>
                  <td>{node.account.name}</td>
                  <td>{node.owner.name}</td>
                  <td>
                    <span className={`status status--${node.status.toLowerCase()}`}>{node.status}</span>
                  </td>
                  <td className="numeric">{formatMoney(node.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
