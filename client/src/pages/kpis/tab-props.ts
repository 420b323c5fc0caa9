import type { useKpiFilters } from './useKpiFilters.ts';

export interface TabProps {
  filters: ReturnType<typeof useKpiFilters>;
  /** Counts kpisChanged events: a new value refetches the tab's figures. */
  refresh: number;
}
