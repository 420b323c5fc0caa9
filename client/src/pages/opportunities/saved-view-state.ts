import type { SavedViewFieldsFragment } from '../../gql/graphql.ts';
import { columnsFrom, filterFrom, sortFrom, visibleColumns, type ListState } from './list-state.ts';

/** What a saved view shows, read leniently: a field the list no longer knows is left out. */
export function stateOfView(view: Pick<SavedViewFieldsFragment, 'filters' | 'sort' | 'columns'>): ListState {
  return { filter: filterFrom(view.filters), sort: sortFrom(view.sort?.field, view.sort?.direction), columns: columnsFrom(view.columns) };
}

/** The filter, sort and columns of a state as `createSavedView`/`updateSavedView` take them. */
export function viewSettingsOf(state: ListState) {
  return {
    filters: { opportunities: filterFrom(state.filter) },
    sort: state.sort ? { field: state.sort.field, direction: state.sort.direction } : null,
    columns: [...visibleColumns(state)],
  };
}
