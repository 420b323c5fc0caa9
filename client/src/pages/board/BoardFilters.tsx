import { useEffect, useState } from 'react';
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
  const [{ data }] = useQuery({ query: BoardFilterOptionsQuery, requestPolicy: 'cache-and-network' });
  const [searchInput, setSearchInput] = useState(values.search);
  const debouncedSearch = useDebouncedValue(searchInput.trim(), 300);
  useEffect(() => {
    if (debouncedSearch !== values.search) onChange({ search: debouncedSearch });
    // Only a new debounced text matters; `values.search` follows it.
  }, [debouncedSearch]);

  return (
    <div className="toolbar board-filters" role="search" aria-label="Filter the board">
      <label htmlFor="board-search" className="visually-hidden">
        Search opportunities
      </label>
      <input
        id="board-search"
        className="input toolbar__search"
        type="search"
        placeholder="Search title, account, contact, next step or OPP-number"
        value={searchInput}
        onChange={(event) => setSearchInput(event.target.value)}
      />
      <label className="board-filters__field">
        <span>Owner</span>
        <select className="input" value={values.ownerId} onChange={(event) => onChange({ ownerId: event.target.value })}>
          <option value="">Everyone</option>
          {data?.users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </label>
      <label className="board-filters__field">
        <span>Team</span>
        <select className="input" value={values.teamId} onChange={(event) => onChange({ teamId: event.target.value })}>
          <option value="">All teams</option>
          {data?.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label className="board-filters__check">
        <input type="checkbox" checked={values.staleOnly} onChange={(event) => onChange({ staleOnly: event.target.checked })} />
        Stale only
      </label>
    </div>
  );
}
