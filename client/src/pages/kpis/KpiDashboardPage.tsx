import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useEachSubscriptionEvent } from '../../hooks/useEachSubscriptionEvent.ts';
import { ForecastTab } from './ForecastTab.tsx';
import { KpiFilterOptionsQuery, KpisChangedSubscription } from './kpi-queries.ts';
import './kpis.css';
import { MonthTab } from './MonthTab.tsx';
import { MyBoardTab } from './MyBoardTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { TeamTab } from './TeamTab.tsx';
import { KPI_TABS, useKpiFilters, type KpiFilterKey } from './useKpiFilters.ts';

const TABS = { overview: OverviewTab, month: MonthTab, team: TeamTab, forecast: ForecastTab, my: MyBoardTab };

/** `/kpis`: the dashboards. Filters and tab live in the URL; kpisChanged refreshes the open tab. */
export function KpiDashboardPage() {
  const { t } = useTranslation();
  const filters = useKpiFilters();
  const [refresh, setRefresh] = useState(0);
  const [{ data: options }] = useQuery({ query: KpiFilterOptionsQuery });
  useEachSubscriptionEvent(KpisChangedSubscription, { scope: filters.variables.scope }, (data) => data.kpisChanged, () => setRefresh((n) => n + 1));
  const Tab = TABS[filters.tab];
  const teams = (options?.teams ?? []).filter((team) => team.type === 'SALES');
  const people = [...new Map(teams.flatMap((team) => team.members).map((member) => [member.id, member])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const field = (key: KpiFilterKey, type: 'date') => (
    <label className="kpi-filter">
      <span>{t(`kpis.filter.${key}`)}</span>
      <input className="input" type={type} value={filters.values[key]} onChange={(event) => filters.update({ [key]: event.target.value })} />
    </label>
  );
  const select = (key: KpiFilterKey, choices: Array<{ id: string; name: string }>) => (
    <label className="kpi-filter">
      <span>{t(`kpis.filter.${key}`)}</span>
      <select className="input" value={filters.values[key]} onChange={(event) => filters.update({ [key]: event.target.value })}>
        <option value="">{t('kpis.filter.all')}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="kpis-title" className="kpi-page">
      <div className="page-header">
        <h1 id="kpis-title">{t('kpis.title')}</h1>
      </div>
      <div className="kpi-filters">
        {field('from', 'date')}
        {field('to', 'date')}
        {select('team', teams)}
        {select('owner', people)}
        {select('pipeline', options?.pipelines ?? [])}
        {field('asOf', 'date')}
      </div>
      <div role="tablist" className="kpi-tabs">
        {KPI_TABS.map((tab) => (
          <button key={tab} type="button" role="tab" aria-selected={filters.tab === tab} className="kpi-tabs__tab" onClick={() => filters.update({ tab })}>
            {t(`kpis.tabs.${tab}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        <Tab key={refresh} filters={filters} refresh={refresh} />
      </div>
    </section>
  );
}
