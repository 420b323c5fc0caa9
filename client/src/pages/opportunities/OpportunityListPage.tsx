import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { useSearchBox } from '../../hooks/useSearchBox.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { activeFilterCount, filterFrom, nextSort, paramsOf, stateFromParams, visibleColumns, type ColumnId, type ListFilter, type ListState } from './list-state.ts';
import { OpportunityFilters } from './OpportunityFilters.tsx';
import { OpportunityListQuery } from './opportunity-list-queries.ts';
import { OpportunityTable } from './OpportunityTable.tsx';
import { SavedViews } from './SavedViews.tsx';
import './opportunities.css';

const PAGE_SIZE = 25;
// A new opportunity must show up even when the cached page held none.
const listContext = { additionalTypenames: ['Opportunity'] };

/** The export's columns for the shown ones (their ids are the export's keys); the title cell shows the number too. */
const exportColumns = (columns: readonly ColumnId[]) => columns.flatMap((column) => (column === 'title' ? ['number', 'title'] : [column]));

/**
 * `/opportunities`: every opportunity the user may read, open and closed, filtered, sorted and
 * paged by the server. The URL holds the filter, order, columns, page and the saved view shown.
 */
export function OpportunityListPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const [params, setParams] = useQueryParams();
  const query = params.toString();
  const state = useMemo(() => stateFromParams(new URLSearchParams(query)), [query]);
  const viewId = params.get('view');
  const after = params.get('after');
  const before = params.get('before');
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilterCount({ ...state.filter, search: undefined }) > 0);

  /**
   * Another state, made from the latest one, starts again on the first page; the view shown stays
   * unless told otherwise.
   */
  function show(change: (latest: ListState) => ListState, view: string | null = viewId, replace = false) {
    setParams((latest) => paramsOf(change(stateFromParams(latest)), { view }), { replace });
  }
  const changeFilter = (patch: Partial<ListFilter>) => show((latest) => ({ ...latest, filter: filterFrom({ ...latest.filter, ...patch }) }));

  const search = state.filter.search ?? '';
  const [searchInput, setSearchInput] = useSearchBox(search, (text) =>
    show((latest) => ({ ...latest, filter: filterFrom({ ...latest.filter, search: text || undefined }) }), viewId, true),
  );

  const variables = {
    filter: filterFrom(state.filter),
    orderBy: state.sort,
    ...(before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, after }),
  };
  const [{ data, error, fetching, stale }] = useQuery({ query: OpportunityListQuery, variables, requestPolicy: 'cache-and-network', context: listContext });
  const opportunities = data?.opportunities;
  const rows = useMemo(() => opportunities?.edges.map((edge) => edge.node) ?? [], [opportunities]);
  const filterCount = activeFilterCount({ ...state.filter, search: undefined });

  function goTo(cursor: { after?: string; before?: string }) {
    const next = paramsOf(state, { view: viewId });
    for (const [key, value] of Object.entries(cursor)) next.set(key, value);
    setParams(next);
  }

  return (
    <section aria-labelledby="opportunities-title" className="opportunity-list-page">
      <div className="page-header">
        <div>
          <h1 id="opportunities-title">{t('opportunities.title')}</h1>
          {opportunities && (
            <p className="muted" data-testid="opportunity-count" aria-live="polite">
              {t('opportunities.count', { count: opportunities.totalCount, formatted: formats.number(opportunities.totalCount) })}
            </p>
          )}
        </div>
        <div className="page-header__actions">
          <ExportCsvButton list="opportunities" args={{ filter: variables.filter, orderBy: state.sort }} columns={exportColumns(visibleColumns(state))} />
        </div>
      </div>

      <SavedViews state={state} viewId={viewId} onShow={(next, view) => show(() => next, view)} />

      <div className="list-toolbar" role="search" aria-label={t('opportunities.searchLabel')}>
        <label htmlFor="opportunity-search" className="visually-hidden">
          {t('opportunities.searchLabel')}
        </label>
        <input
          id="opportunity-search"
          className="input list-toolbar__search"
          type="search"
          placeholder={t('opportunities.searchPlaceholder')}
          value={searchInput}
          maxLength={200}
          onChange={(event) => setSearchInput(event.target.value)}
        />
        {(fetching || stale) && <span className="spinner" aria-label={t('common.loadingShort')} />}
        <div className="list-toolbar__actions">
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={filtersOpen}
            aria-controls="opportunity-filters"
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {filterCount > 0 ? t('opportunities.filters.buttonCount', { count: filterCount }) : t('opportunities.filters.button')}
          </button>
          <ColumnChooser columns={visibleColumns(state)} onChange={(columns) => show((latest) => ({ ...latest, columns }))} />
        </div>
      </div>

      {filtersOpen && (
        <OpportunityFilters filter={state.filter} onChange={changeFilter} onClear={() => show((latest) => ({ ...latest, filter: filterFrom({ search: latest.filter.search }) }))} />
      )}

      {error && <QueryError error={error} />}
      {!opportunities && fetching && <Loading what={t('opportunities.loadingList')} />}
      {opportunities && rows.length === 0 && <p className="empty">{t('opportunities.none')}</p>}
      {rows.length > 0 && (
        <OpportunityTable
          rows={rows}
          columns={visibleColumns(state)}
          label={t('opportunities.tableLabel')}
          sort={state.sort}
          onSort={(field) => show((latest) => ({ ...latest, sort: nextSort(latest.sort, field) }))}
        />
      )}
      {opportunities && (
        <Pager label={t('opportunities.pages')} pageInfo={opportunities.pageInfo} onPrevious={(cursor) => goTo({ before: cursor })} onNext={(cursor) => goTo({ after: cursor })} />
      )}
    </section>
  );
}
