import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { BoardFilterOptionsQuery } from './board-queries.ts';

export interface BoardFilterValues {
  ownerId: string;
  teamId: string;
  staleOnly: boolean;
  search: string;
}

interface Props {
  values: BoardFilterValues;
  onChange(patch: Partial<BoardFilterValues>): void;
}

/** Owner, team, "stale only" and a search that applies once typing pauses. */
export function BoardFilters({ values, onChange }: Props) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: BoardFilterOptionsQuery, requestPolicy: 'cache-and-network' });
  const [searchInput, setSearchInput] = useState(values.search);
  const debouncedSearch = useDebouncedValue(searchInput.trim(), 300);
  useEffect(() => {
    if (debouncedSearch !== values.search) onChange({ search: debouncedSearch });
    // Only a new debounced text matters; `values.search` follows it.
  }, [debouncedSearch]);

  return (
    <div className="toolbar board-filters" role="search" aria-label={t('board.filters.label')}>
      <label htmlFor="board-search" className="visually-hidden">
        {t('board.filters.searchLabel')}
      </label>
      <input
        id="board-search"
        className="input toolbar__search"
        type="search"
        placeholder={t('board.filters.searchPlaceholder')}
        value={searchInput}
        onChange={(event) => setSearchInput(event.target.value)}
      />
      <label className="board-filters__field">
        <span>{t('opportunity.field.owner')}</span>
        <select className="input" value={values.ownerId} onChange={(event) => onChange({ ownerId: event.target.value })}>
          <option value="">{t('board.filters.everyone')}</option>
          {data?.users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </label>
      <label className="board-filters__field">
        <span>{t('opportunity.field.team')}</span>
        <select className="input" value={values.teamId} onChange={(event) => onChange({ teamId: event.target.value })}>
          <option value="">{t('board.filters.allTeams')}</option>
          {data?.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label className="board-filters__check">
        <input type="checkbox" checked={values.staleOnly} onChange={(event) => onChange({ staleOnly: event.target.checked })} />
        {t('board.filters.staleOnly')}
      </label>
    </div>
  );
}
