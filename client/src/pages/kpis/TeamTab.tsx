import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { KpiTeamQuery } from './kpi-queries.ts';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/** Team: deals won, lost and owned and revenue per person; each number opens its deals. */
export function TeamTab({ filters, refresh }: TabProps) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const { period, scope } = filters.variables;
  const [{ data, error }] = useQuery({ query: KpiTeamQuery, variables: { period, scope }, requestPolicy: refresh ? 'network-only' : 'cache-and-network' });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('kpis.title')} />;
  const records = (figure: string, owner: string) => `/kpis/records?${filters.linkParams({ figure, owner })}`;
  return (
    <table className="table kpi-table" data-testid="team-table">
      <thead>
        <tr>
          <th scope="col">{t('kpis.person')}</th>
          <th scope="col">{t('kpis.deals.won')}</th>
          <th scope="col">{t('kpis.deals.lost')}</th>
          <th scope="col">{t('kpis.deals.owned')}</th>
          <th scope="col">{t('kpis.revenue.title')}</th>
        </tr>
      </thead>
      <tbody>
        {data.kpis.team.byUser.map((row) => (
          <tr key={row.user.id}>
            <th scope="row">{row.user.name}</th>
            <td><Link to={records('DEALS_WON', row.user.id)}>{f.total(row.won)}</Link></td>
            <td><Link to={records('DEALS_LOST', row.user.id)}>{f.total(row.lost)}</Link></td>
            <td><Link to={records('DEALS_OPEN', row.user.id)}>{f.total(row.owned)}</Link></td>
            <td>{f.money(row.revenue.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
