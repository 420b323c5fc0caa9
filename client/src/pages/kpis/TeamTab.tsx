import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { WidgetColumn } from '../../lib/widget-csv.ts';
import { KpiTeamQuery } from './kpi-queries.ts';
import { KpiWidget } from './KpiWidget.tsx';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

type Total = { count: number; amount: string };
interface TeamRow {
  id: string;
  name: string;
  won: Total;
  lost: Total;
  owned: Total;
  revenue: Total;
}

const FIGURES = [
  ['won', 'DEALS_WON', 'opportunity'],
  ['lost', 'DEALS_LOST', 'opportunity'],
  ['owned', 'DEALS_OPEN', 'opportunity'],
  ['revenue', 'OWNED_REVENUE', 'invoice'],
] as const;

/**
 * Team: deals won, lost and owned and revenue per person, and per team when the scope holds
 * several; each number opens its records, narrowed to the person (owner) or the team.
 */
export function TeamTab({ filters, refresh }: TabProps) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const { period, scope } = filters.variables;
  const [{ data, error }] = useQuery({ query: KpiTeamQuery, variables: { period, scope }, requestPolicy: refresh ? 'network-only' : 'cache-and-network' });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('kpis.title')} />;
  const { byUser, byTeam } = data.kpis.team;
  const headers = { won: t('kpis.deals.won'), lost: t('kpis.deals.lost'), owned: t('kpis.deals.owned'), revenue: t('kpis.revenue.title') };
  const columns = (who: string): WidgetColumn<TeamRow>[] => [
    { header: who, kind: 'text', value: (row) => row.name },
    ...FIGURES.flatMap(([key]) => [
      { header: `${headers[key]}: ${t('kpis.csv.count')}`, kind: 'count' as const, value: (row: TeamRow) => row[key].count },
      { header: `${headers[key]}: ${t('kpis.amount')}`, kind: 'money' as const, value: (row: TeamRow) => row[key].amount },
    ]),
  ];
  const table = (name: string, who: string, rows: TeamRow[], narrow: 'owner' | 'team') => (
    <KpiWidget title={narrow === 'owner' ? t('kpis.team.byUser') : t('kpis.team.byTeam')} name={name} columns={columns(who)} rows={rows}>
      <table className="table kpi-table" data-testid={`${name}-table`}>
        <thead>
          <tr>
            <th scope="col">{who}</th>
            {FIGURES.map(([key]) => (
              <th scope="col" key={key}>{headers[key]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {FIGURES.map(([key, figure, kind]) => (
                <td key={key}>
                  <Link to={filters.records(figure, { kind, [narrow]: row.id })}>{key === 'revenue' ? f.money(row.revenue.amount) : f.total(row[key])}</Link>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </KpiWidget>
  );
  return (
    <div className="kpi-tab">
      {table('team-people', t('kpis.person'), byUser.map(({ user, ...figures }) => ({ id: user.id, name: user.name, ...figures })), 'owner')}
      {byTeam.length > 1 ? table('team-teams', t('kpis.csv.team'), byTeam.map(({ team, ...figures }) => ({ id: team.id, name: team.name, ...figures })), 'team') : null}
    </div>
  );
}
