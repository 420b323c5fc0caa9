import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { KpiOpportunityFigure } from '../../gql/graphql.ts';
import { KpiOpportunityRecordsQuery } from './kpi-queries.ts';
import { useKpiFilters } from './useKpiFilters.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/** The export's columns of what the table shows (every page of it). */
const EXPORT_COLUMNS = ['title', 'account', 'owner', 'amount'];

/** `/kpis/records?figure=…`: the opportunities behind a figure, with the dashboard's filters. */
export function KpiRecordsPage() {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const [params] = useSearchParams();
  const filters = useKpiFilters();
  const figure = params.get('figure') as KpiOpportunityFigure;
  const stage = params.get('stage');
  const after = params.get('after');
  const { period, scope, asOf } = filters.variables;
  const group = stage ? { stageId: stage } : undefined;
  const [{ data, error }] = useQuery({ query: KpiOpportunityRecordsQuery, variables: { figure, period, scope, asOf, group, after } });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('kpis.title')} />;
  const connection = data.kpiOpportunities;
  const back = new URLSearchParams(params);
  for (const key of ['figure', 'stage', 'after']) back.delete(key);
  const next = new URLSearchParams(params);
  if (connection.pageInfo.endCursor) next.set('after', connection.pageInfo.endCursor);
  return (
    <section aria-labelledby="kpi-records-title">
      <div className="page-header">
        <h1 id="kpi-records-title">{t('kpis.records.title', { count: connection.totalCount })}</h1>
        <Link to={`/kpis?${back.toString()}`}>{t('kpis.records.back')}</Link>
        <ExportCsvButton list="opportunities" drillDown args={{ figure, period, scope, asOf, group }} columns={EXPORT_COLUMNS} />
      </div>
      <p className="kpi-records__figure">{figure}</p>
      <table className="table" data-testid="kpi-records">
        <thead>
          <tr>
            <th scope="col">{t('kpis.records.opportunity')}</th>
            <th scope="col">{t('kpis.records.account')}</th>
            <th scope="col">{t('kpis.person')}</th>
            <th scope="col">{t('kpis.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {connection.edges.map((edge) => (
            <tr key={edge.node.id}>
              <td><Link to={`/opportunities/${edge.node.id}`}>{edge.node.title}</Link></td>
              <td>{edge.node.account?.name}</td>
              <td>{edge.node.owner.name}</td>
              <td>{edge.amount === null || edge.amount === undefined ? '–' : f.money(edge.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {connection.pageInfo.hasNextPage ? <Link to={`/kpis/records?${next.toString()}`}>{t('kpis.records.more')}</Link> : null}
    </section>
  );
}
