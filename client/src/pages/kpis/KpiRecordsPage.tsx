import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { GROUP_PARAMS, groupOf, RECORD_KINDS, recordKindOf } from './kpi-record-kinds.ts';
import { useKpiFilters } from './useKpiFilters.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/**
 * `/kpis/records?kind=…&figure=…`: the records behind a figure (opportunities, invoices, quotes,
 * orders, activities, accounts or contacts), with the dashboard's filters and the figure's item
 * (stage, loss reason, status, activity type, account, product), and their CSV export.
 */
export function KpiRecordsPage() {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const [params] = useSearchParams();
  const filters = useKpiFilters();
  const kindName = recordKindOf(params.get('kind'));
  const kind = RECORD_KINDS[kindName];
  const figure = params.get('figure') ?? '';
  const after = params.get('after');
  const { period, scope, asOf } = filters.variables;
  const group = groupOf(kind, params);
  const drillArgs = { figure, period, scope, ...(kind.asOf ? { asOf } : {}), ...(group ? { group } : {}) };
  const [{ data, error }] = useQuery({ query: kind.query, variables: { ...drillArgs, after } });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('kpis.title')} />;
  const connection = kind.read(data);
  // The dashboard as the figure was opened from it; else the records' own filters.
  const fallback = new URLSearchParams(params);
  for (const key of ['kind', 'figure', 'after', 'back', ...Object.keys(GROUP_PARAMS)]) fallback.delete(key);
  const back = params.get('back') ?? fallback.toString();
  const next = new URLSearchParams(params);
  if (connection.pageInfo.endCursor) next.set('after', connection.pageInfo.endCursor);
  return (
    <section aria-labelledby="kpi-records-title">
      <div className="page-header">
        <h1 id="kpi-records-title">{t('kpis.records.title', { count: connection.totalCount })}</h1>
        <Link to={`/kpis?${back}`}>{t('kpis.records.back')}</Link>
        <ExportCsvButton list={kind.list} drillDown args={drillArgs} columns={kind.columns} />
      </div>
      <p className="kpi-records__figure">{figure}</p>
      <table className="table" data-testid="kpi-records">
        <thead>
          <tr>
            <th scope="col">{t(`kpis.records.${kindName}`)}</th>
            <th scope="col">{t('kpis.records.account')}</th>
            <th scope="col">{t('kpis.person')}</th>
            <th scope="col">{t('kpis.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {connection.rows.map((row) => (
            <tr key={row.id}>
              <td>{row.to ? <Link to={row.to}>{row.label}</Link> : row.label}</td>
              <td>{row.account}</td>
              <td>{row.person}</td>
              <td>{row.amount === null ? '–' : f.money(row.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {connection.pageInfo.hasNextPage ? <Link to={`/kpis/records?${next.toString()}`}>{t('kpis.records.more')}</Link> : null}
    </section>
  );
}
