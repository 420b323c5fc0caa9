import type { ListFilter, ListSort, ListState } from './list-state.ts';
import { filterFrom, sameState } from './list-state.ts';

/**
 * The views everyone has, defined here rather than stored (README, "Saved views"): each is a
 * filter and an order over the same list. Applying one keeps the columns shown.
 */
export const PRESET_IDS = ['mine', 'closingThisMonth', 'won', 'lost', 'withoutActivity', 'followed'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

interface Preset {
  filter: ListFilter;
  sort: ListSort | null;
}

/** The presets as of `today` (YYYY-MM-DD, the organisation's calendar day). */
export function presetDefinitions(today: string): Record<PresetId, Preset> {
  const [year, month] = today.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const monthPrefix = today.slice(0, 7);
  return {
    mine: { filter: { mine: true }, sort: null },
    closingThisMonth: {
      filter: { statuses: ['OPEN'], closeDateFrom: `${monthPrefix}-01`, closeDateTo: `${monthPrefix}-${String(lastDay).padStart(2, '0')}` },
      sort: null,
    },
    won: { filter: { statuses: ['WON'] }, sort: { field: 'EXPECTED_CLOSE_DATE', direction: 'DESC' } },
    lost: { filter: { statuses: ['LOST'] }, sort: { field: 'EXPECTED_CLOSE_DATE', direction: 'DESC' } },
    // "Deals without activity": open ones past the organisation's stale limit, the longest idle first.
    withoutActivity: { filter: { stale: true }, sort: { field: 'DAYS_WITHOUT_ACTIVITY', direction: 'DESC' } },
    followed: { filter: { followed: true }, sort: null },
  };
}

export function applyPreset(state: ListState, preset: Preset): ListState {
  return { filter: filterFrom(preset.filter), sort: preset.sort, columns: state.columns };
}

/** The preset the state shows exactly (filter and order), if any. */
export function matchingPreset(state: ListState, presets: Record<PresetId, Preset>): PresetId | null {
  return PRESET_IDS.find((id) => sameState({ ...state, columns: null }, applyPreset({ ...state, columns: null }, presets[id]))) ?? null;
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function dayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
