import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, filterFrom, nextSort, paramsOf, sameState, stateFromParams, type ListState } from './list-state.ts';
import { applyPreset, dayIn, matchingPreset, presetDefinitions } from './presets.ts';
import { stateOfView, viewSettingsOf } from './saved-view-state.ts';

const state = (overrides: Partial<ListState>): ListState => ({ filter: {}, sort: null, columns: null, ...overrides });

describe('the list state in the URL', () => {
  it('goes into the URL and comes back out the same', () => {
    const original = state({
      filter: {
        search: 'Hafen Kran',
        statuses: ['WON', 'LOST'],
        kinds: ['DEAL'],
        ownerIds: ['VXNlcjox', 'VXNlcjoy+/='],
        mine: false,
        closeDateFrom: '2026-01-01',
        closeDateTo: '2026-12-31',
        amountMin: '1000.5',
        stale: true,
        withoutOpenActivity: true,
      },
      sort: { field: 'AMOUNT', direction: 'DESC' },
      columns: ['title', 'amount', 'tags'],
    });
    const query = paramsOf(original, { view: 'U2F2ZWRWaWV3OjE=' }).toString();
    const params = new URLSearchParams(query);
    expect(params.get('view')).toBe('U2F2ZWRWaWV3OjE=');
    expect(params.get('statuses')).toBe('WON,LOST');
    expect(stateFromParams(params)).toEqual(original);
  });

  it('leaves out what is the default, so the plain list has a plain URL', () => {
    expect(paramsOf(state({ columns: [...DEFAULT_COLUMNS] })).toString()).toBe('');
    expect(stateFromParams(new URLSearchParams(''))).toEqual(state({}));
  });

  it('drops values that do not fit instead of failing on a hand-edited link', () => {
    const read = stateFromParams(
      new URLSearchParams('statuses=WON,MAYBE&kinds=&closeDateFrom=31.12.2026&amountMax=12abc&stale=yes&sort=COLOUR&columns=title,secret&mine=true'),
    );
    expect(read).toEqual(state({ filter: { statuses: ['WON'], mine: true }, columns: ['title'] }));
  });

  it('reads a saved view’s filter JSON, keeping only the fields the list knows', () => {
    expect(filterFrom({ statuses: ['OPEN'], amountMin: 500, accountId: 'x', followed: true, tagIds: [] })).toEqual({
      statuses: ['OPEN'],
      amountMin: '500',
      followed: true,
    });
  });

  it('compares states by what they show, not by how they were written', () => {
    expect(sameState(state({ filter: { statuses: ['WON'], search: '  ' } }), state({ filter: { statuses: ['WON'] } }))).toBe(true);
    expect(sameState(state({ columns: [...DEFAULT_COLUMNS] }), state({}))).toBe(true);
    expect(sameState(state({ filter: { statuses: ['WON'] } }), state({ filter: { statuses: ['LOST'] } }))).toBe(false);
  });
});

describe('sorting by a column header', () => {
  it('goes ascending, descending, then back to the server’s order', () => {
    const first = nextSort(null, 'AMOUNT');
    expect(first).toEqual({ field: 'AMOUNT', direction: 'ASC' });
    const second = nextSort(first, 'AMOUNT');
    expect(second).toEqual({ field: 'AMOUNT', direction: 'DESC' });
    expect(nextSort(second, 'AMOUNT')).toBeNull();
  });

  it('starts the default column (close date, ascending) at descending', () => {
    expect(nextSort(null, 'EXPECTED_CLOSE_DATE')).toEqual({ field: 'EXPECTED_CLOSE_DATE', direction: 'DESC' });
  });
});

describe('the presets', () => {
  it('run "closing this month" over the whole month, also in February of a leap year', () => {
    expect(presetDefinitions('2028-02-10').closingThisMonth.filter).toEqual({ statuses: ['OPEN'], closeDateFrom: '2028-02-01', closeDateTo: '2028-02-29' });
    expect(presetDefinitions('2026-12-31').closingThisMonth.filter).toMatchObject({ closeDateFrom: '2026-12-01', closeDateTo: '2026-12-31' });
  });

  it('are recognised in the state they produce, whatever the columns', () => {
    const presets = presetDefinitions('2026-12-03');
    const won = applyPreset(state({ filter: { search: 'x' }, columns: ['title'] }), presets.won);
    expect(won).toEqual(state({ filter: { statuses: ['WON'] }, sort: { field: 'EXPECTED_CLOSE_DATE', direction: 'DESC' }, columns: ['title'] }));
    expect(matchingPreset(won, presets)).toBe('won');
    expect(matchingPreset({ ...won, filter: { statuses: ['WON'], mine: true } }, presets)).toBeNull();
    expect(matchingPreset(state({ filter: { stale: true }, sort: { field: 'DAYS_WITHOUT_ACTIVITY', direction: 'DESC' } }), presets)).toBe('withoutActivity');
  });

  it('take today in the organisation’s time zone', () => {
    const lateEvening = new Date('2026-11-30T23:30:00Z');
    expect(dayIn('Europe/Berlin', lateEvening)).toBe('2026-12-01');
    expect(dayIn('America/New_York', lateEvening)).toBe('2026-11-30');
  });
});

describe('saved views', () => {
  it('store the state and give it back', () => {
    const shown = state({ filter: { statuses: ['WON'], search: 'Kran' }, sort: { field: 'AMOUNT', direction: 'DESC' }, columns: ['title', 'amount'] });
    const settings = viewSettingsOf(shown);
    expect(settings).toEqual({ filters: { opportunities: { statuses: ['WON'], search: 'Kran' } }, sort: { field: 'AMOUNT', direction: 'DESC' }, columns: ['title', 'amount'] });
    // The server returns the filter as the list query takes it, and the sort by its enum name.
    expect(stateOfView({ filters: settings.filters.opportunities, sort: settings.sort, columns: settings.columns })).toEqual(shown);
  });

  it('save the columns shown, so a later change of the defaults leaves the view alone', () => {
    expect(viewSettingsOf(state({})).columns).toEqual([...DEFAULT_COLUMNS]);
    expect(stateOfView({ filters: {}, sort: null, columns: [] })).toEqual(state({}));
  });
});
