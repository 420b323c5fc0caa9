import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue.ts';

/**
 * A search box over a search kept in the URL: the box writes its text (trimmed) once typing
 * pauses; a search changed from elsewhere (a link, a saved view, the back button) updates the box.
 */
export function useSearchBox(search: string, writeSearch: (search: string) => void) {
  const [searchInput, setSearchInput] = useState(search);
  const debouncedSearch = useDebouncedValue(searchInput.trim(), 300);
  const searchInUrl = useRef(search);
  // Written with the state of the latest render, whichever render the pause ends in.
  const latestWrite = useRef(writeSearch);
  latestWrite.current = writeSearch;
  useEffect(() => {
    if (search === searchInUrl.current) return;
    searchInUrl.current = search;
    setSearchInput(search);
  }, [search]);
  useEffect(() => {
    if (debouncedSearch === searchInUrl.current) return;
    searchInUrl.current = debouncedSearch;
    latestWrite.current(debouncedSearch);
  }, [debouncedSearch]);
  return [searchInput, setSearchInput] as const;
}
