import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { formatDate } from '../../lib/format.ts';
import { formatMoney } from '../billing/billing-format.ts';
import { CampaignListQuery } from './campaign-queries.ts';
import { CAMPAIGN_STATUS, CAMPAIGN_TYPE, T } from './texts.ts';

export const formatReturn = (value: string | null | undefined) => (value == null ? '—' : `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format((Number(value) * 100) as number)} %`);

// A new campaign must show up even when the cached list held none. Stable, or urql refetches on every render.
const listContext = { additionalTypenames: ['Campaign'] };

/** `/campaigns`: every campaign with what it brought. */
export function CampaignsPage() {
  const { viewer } = useViewer();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [{ data, error, fetching }] = useQuery({ query: CampaignListQuery, variables: { search: debounced || null, first: 100 }, requestPolicy: 'cache-and-network', context: listContext });
  const canManage = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  return (
    <section aria-labelledby="campaigns-title">
      <div className="page-header">
        <h1 id="campaigns-title">{T.title}</h1>
        {canManage && (
          <Link to="/campaigns/new" className="button button--primary">
            {T.new}
          </Link>
        )}
      </div>
      <div className="toolbar">
        <label htmlFor="campaign-search" className="visually-hidden">
          {T.search}
        </label>
        <input id="campaign-search" className="input toolbar__search" type="search" placeholder={T.search} value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <p className="muted">{T.readOnlyHint}</p>
      {error && <QueryError error={error} />}
      {!data && fetching && <Loading what="campaigns" />}
      {data && data.campaigns.edges.length === 0 && <p className="empty">{T.none}</p>}
      {data && data.campaigns.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-labelledby="campaigns-title">
            <thead>
              <tr>
                <th scope="col">{T.name}</th>
                <th scope="col">{T.type}</th>
                <th scope="col">{T.status}</th>
                <th scope="col">{T.period}</th>
                <th scope="col" className="numeric">{T.open} / {T.won} / {T.lost}</th>
                <th scope="col" className="numeric">{T.pipelineValue}</th>
                <th scope="col" className="numeric">{T.revenue}</th>
                <th scope="col" className="numeric">{T.cost}</th>
                <th scope="col" className="numeric">{T.returnOnCost}</th>
              </tr>
            </thead>
            <tbody>
              {data.campaigns.edges.map(({ node: campaign }) => (
                <tr key={campaign.id}>
                  <td>
                    <Link to={`/campaigns/${encodeURIComponent(campaign.id)}`} className="table__primary">
                      {campaign.name}
                    </Link>
                  </td>
                  <td>{CAMPAIGN_TYPE[campaign.type]}</td>
                  <td>{CAMPAIGN_STATUS[campaign.status]}</td>
                  <td>
                    {formatDate(campaign.startDate)}
                    {campaign.endDate && ` – ${formatDate(campaign.endDate)}`}
                  </td>
                  <td className="numeric">
                    {campaign.results.openCount} / {campaign.results.wonCount} / {campaign.results.lostCount}
                  </td>
                  <td className="numeric">{formatMoney(campaign.results.pipelineValue)}</td>
                  <td className="numeric">{formatMoney(campaign.results.revenue)}</td>
                  <td className="numeric">{formatMoney(campaign.cost)}</td>
                  <td className="numeric">{formatReturn(campaign.results.returnOnCost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
