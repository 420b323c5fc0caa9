import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { documentPaths } from '../billing/billing-format.ts';
import { CampaignListQuery } from './campaign-queries.ts';
import { formatReturn } from './campaign-format.ts';

// A new campaign must show up even when the cached list held none. Stable, or urql refetches on every render.
const listContext = { additionalTypenames: ['Campaign'] };

/** `/campaigns`: every campaign with what it brought. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { viewer } = useViewer();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [{ data, error, fetching }] = useQuery({ query: CampaignListQuery, variables: { search: debounced || null, first: 100 }, requestPolicy: 'cache-and-network', context: listContext });
  const canManage = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  return (
    <section aria-labelledby="campaigns-title">
      <div className="page-header">
        <h1 id="campaigns-title">{t('campaigns.title')}</h1>
        {canManage && (
          <Link to="/campaigns/new" className="button button--primary">
            {t('campaigns.new')}
          </Link>
        )}
      </div>
      <div className="toolbar">
        <label htmlFor="campaign-search" className="visually-hidden">
          {t('campaigns.search')}
        </label>
        <input id="campaign-search" className="input toolbar__search" type="search" placeholder={t('campaigns.search')} value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <p className="muted">{t('campaigns.visibleOnly')}</p>
      {error && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('campaigns.loading')} />}
      {data && data.campaigns.edges.length === 0 && <p className="empty">{t('campaigns.none')}</p>}
      {data && data.campaigns.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-labelledby="campaigns-title">
            <thead>
              <tr>
                <th scope="col">{t('campaigns.name')}</th>
                <th scope="col">{t('campaigns.typeLabel')}</th>
                <th scope="col">{t('campaigns.statusLabel')}</th>
                <th scope="col">{t('campaigns.period')}</th>
                <th scope="col" className="numeric">{t('campaigns.openWonLost')}</th>
                <th scope="col" className="numeric">{t('campaigns.pipelineValue')}</th>
                <th scope="col" className="numeric">{t('campaigns.revenue')}</th>
                <th scope="col" className="numeric">{t('campaigns.cost')}</th>
                <th scope="col" className="numeric">{t('campaigns.returnOnCost')}</th>
              </tr>
            </thead>
            <tbody>
              {data.campaigns.edges.map(({ node: campaign }) => (
                <tr key={campaign.id}>
                  <td>
                    <Link to={documentPaths.campaign(campaign.id)} className="table__primary">
                      {campaign.name}
                    </Link>
                  </td>
                  <td>{t(`campaigns.type.${campaign.type}`)}</td>
                  <td>{t(`campaigns.status.${campaign.status}`)}</td>
                  <td>
                    {formats.day(campaign.startDate)}
                    {campaign.endDate && ` – ${formats.day(campaign.endDate)}`}
                  </td>
                  <td className="numeric">
                    {campaign.results.openCount} / {campaign.results.wonCount} / {campaign.results.lostCount}
                  </td>
                  <td className="numeric">{formats.money(campaign.results.pipelineValue)}</td>
                  <td className="numeric">{formats.money(campaign.results.revenue)}</td>
                  <td className="numeric">{formats.money(campaign.cost)}</td>
                  <td className="numeric">{formatReturn(formats, campaign.results.returnOnCost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
