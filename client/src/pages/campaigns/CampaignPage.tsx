import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { OpportunityStatus } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { documentPaths } from '../billing/billing-format.ts';
import { CampaignDetailQuery } from './campaign-queries.ts';
import { formatReturn } from './campaign-format.ts';

const TABS = [
  { label: 'campaigns.all', statuses: null },
  { label: 'campaigns.open', statuses: ['OPEN'] },
  { label: 'campaigns.won', statuses: ['WON'] },
  { label: 'campaigns.lost', statuses: ['LOST'] },
] as const satisfies ReadonlyArray<{ label: string; statuses: readonly OpportunityStatus[] | null }>;

/** `/campaigns/:id`: a campaign's opportunities (open, won, lost), pipeline value, revenue, cost and return. */
export function CampaignPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { id = '' } = useParams();
  const [tab, setTab] = useState(0);
  const statuses = TABS[tab].statuses;
  const [{ data, error, fetching }] = useQuery({ query: CampaignDetailQuery, variables: { id, statuses: statuses ? [...statuses] : null }, requestPolicy: 'cache-and-network' });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('campaigns.loadingOne')} />;
  const campaign = data.campaign;
  if (!campaign) {
    return (
      <div className="empty">
        <p>{t('campaigns.notFound')}</p>
        <Link to="/campaigns">{t('campaigns.back')}</Link>
      </div>
    );
  }
  const { results } = campaign;
  const figures: Array<[string, string]> = [
    [t('campaigns.period'), `${formats.day(campaign.startDate)}${campaign.endDate ? ` – ${formats.day(campaign.endDate)}` : ''}`],
    [t('campaigns.openWonLost'), `${results.openCount} / ${results.wonCount} / ${results.lostCount}`],
    [t('campaigns.pipelineValue'), formats.money(results.pipelineValue)],
    [t('campaigns.wonAmount'), formats.money(results.wonAmount)],
    [t('campaigns.revenue'), formats.money(results.revenue)],
    [t('campaigns.cost'), formats.money(results.cost)],
    [t('campaigns.returnOnCost'), formatReturn(formats, results.returnOnCost)],
  ];
  return (
    <article aria-labelledby="campaign-heading">
      <p className="breadcrumb">
        <Link to="/campaigns">{t('campaigns.back')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 id="campaign-heading">{campaign.name}</h1>
          <span className="status">{t(`campaigns.type.${campaign.type}`)}</span> <span className="status">{t(`campaigns.status.${campaign.status}`)}</span>
        </div>
        {campaign.viewerCanEdit && (
          <Link to={`/campaigns/${encodeURIComponent(campaign.id)}/edit`} className="button button--secondary">
            {t('campaigns.edit')}
          </Link>
        )}
      </div>
      <section className="card">
        <dl className="summary kpis" data-testid="campaign-results">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {campaign.description && <p className="pre-wrap">{campaign.description}</p>}
        <p className="muted">{t('campaigns.visibleOnly')}</p>
      </section>
      <section className="card" aria-labelledby="campaign-opportunities-title">
        <h2 id="campaign-opportunities-title">{t('campaigns.opportunitiesCount', { count: campaign.opportunities.totalCount })}</h2>
        <div className="tabs" role="tablist" aria-label={t('campaigns.opportunities')}>
          {TABS.map((candidate, index) => (
            <button key={candidate.label} type="button" role="tab" aria-selected={tab === index} className={`tabs__tab${tab === index ? ' tabs__tab--active' : ''}`} onClick={() => setTab(index)}>
              {t(candidate.label)}
            </button>
          ))}
          {fetching && <span className="spinner" aria-label={t('common.loadingShort')} />}
        </div>
        {campaign.opportunities.edges.length === 0 ? (
          <p className="muted">{t('campaigns.noOpportunities')}</p>
        ) : (
          <table className="table">
            <tbody>
              {campaign.opportunities.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={documentPaths.opportunity(node.id)}>
                      {node.humanId} {node.title}
                    </Link>
                  </td>
                  <td>{node.account?.name ?? t('common.restrictedAccount')}</td>
                  <td>{node.owner.name}</td>
                  <td>
                    <span className={`status status--${node.status.toLowerCase()}`}>{t(`campaigns.${node.status === 'OPEN' ? 'open' : node.status === 'WON' ? 'won' : 'lost'}`)}</span>
                  </td>
                  <td className="numeric">{formats.money(node.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
