import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { useUrlSearch } from '../hooks/useUrlSearch.ts';
import { ListTable, type ListColumn } from './ListTable.tsx';
import { Pager } from './Pager.tsx';
import { Loading, QueryError } from './QueryStatus.tsx';

interface Props<Row extends { id: string }> {
  /** Prefix of the ids: `<id>-title` labels the page and its table, `<id>-search` is the box. */
  id: string;
  title: string;
  actions: ReactNode;
  search: ReturnType<typeof useUrlSearch>;
  searchLabel: string;
  searchPlaceholder: string;
  searchMaxLength?: number;
  list: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null }; edges: ReadonlyArray<{ node: Row }> } | undefined;
  result: { error?: CombinedError; fetching: boolean; stale: boolean };
  /** Says how many rows match, next to the box. */
  count(totalCount: number): string;
  countTestId: string;
  loading: string;
  empty: string;
  pagesLabel: string;
  // The rows' type comes from the list; shared columns (contact-columns.tsx) ask only for the fields they show.
  columns: ReadonlyArray<ListColumn<NoInfer<Row>>>;
}

/** A page listing records in a table (cards on a phone), with a search box, a count and paging. */
export function SearchableList<Row extends { id: string }>({ id, title, actions, search, list, result, columns, ...text }: Props<Row>) {
  const { t } = useTranslation();
  const titleId = `${id}-title`;
  const searchId = `${id}-search`;
  return (
    <section aria-labelledby={titleId}>
      <div className="page-header">
        <h1 id={titleId}>{title}</h1>
        <div className="page-header__actions">{actions}</div>
      </div>

      <div className="toolbar">
        <label htmlFor={searchId} className="visually-hidden">
          {text.searchLabel}
        </label>
        <input
          id={searchId}
          className="input toolbar__search"
          type="search"
          placeholder={text.searchPlaceholder}
          value={search.searchInput}
          maxLength={text.searchMaxLength}
          onChange={(event) => search.setSearchInput(event.target.value)}
        />
        {list && (
          <span className="toolbar__count" data-testid={text.countTestId} aria-live="polite">
            {text.count(list.totalCount)}
          </span>
        )}
        {(result.fetching || result.stale) && <span className="spinner" aria-label={t('common.loadingShort')} />}
      </div>

      {result.error && <QueryError error={result.error} />}
      {!list && result.fetching && <Loading what={text.loading} />}
      {list && list.edges.length === 0 && <p className="empty">{text.empty}</p>}
      {list && list.edges.length > 0 && <ListTable labelledBy={titleId} columns={columns} rows={list.edges.map((edge) => edge.node)} />}
      {list && <Pager label={text.pagesLabel} pageInfo={list.pageInfo} onPrevious={(cursor) => search.goTo({ before: cursor })} onNext={(cursor) => search.goTo({ after: cursor })} />}
    </section>
  );
}
