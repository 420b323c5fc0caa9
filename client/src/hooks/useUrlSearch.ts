import { useSearchParams } from 'react-router';
import { useSearchBox } from './useSearchBox.ts';

/**
 * A searchable, paged list whose search (`q`) and page (`after`/`before`) live in the URL (see
 * useSearchBox); a new search starts again on the first page.
 */
export function useUrlSearch() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const after = params.get('after');
  const before = params.get('before');

  const [searchInput, setSearchInput] = useSearchBox(search, (text) => setParams(text ? { q: text } : {}, { replace: true }));

  function goTo(cursor: { after?: string; before?: string }) {
    setParams({ ...(search ? { q: search } : {}), ...cursor });
  }

  /** The connection's page arguments: the page after `after`, or the one before `before`. */
  const page = (size: number) => (before ? { last: size, before } : { first: size, after });

  return { search, searchInput, setSearchInput, page, goTo };
}
