import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, readParams, toFilter, writeParams } from './activity-filter-params.ts';

const BERLIN = 'Europe/Berlin';

describe('the activity list’s filters', () => {
  it('default to the viewer’s own activities, and leave the defaults out of the URL', () => {
    expect(readParams(new URLSearchParams(''))).toEqual(DEFAULT_PARAMS);
    expect(toFilter(DEFAULT_PARAMS, BERLIN)).toEqual({ mine: true });
    expect(writeParams(DEFAULT_PARAMS)).toEqual({});
    expect(writeParams({ ...DEFAULT_PARAMS, status: 'overdue' }, { week: '2026-11-30' })).toEqual({ status: 'overdue', week: '2026-11-30' });
  });

  it('read back what they wrote, and ignore what is not a filter value', () => {
    const params = { assignee: 'VXNlcjox', team: 'VGVhbTox', type: 'MEETING', status: 'done', from: '2026-12-01', to: '2026-12-31', q: 'Angebot' } as const;
    expect(readParams(new URLSearchParams(writeParams(params)))).toEqual(params);
    expect(readParams(new URLSearchParams('type=PARTY&status=late&from=1.12.2026'))).toEqual(DEFAULT_PARAMS);
  });

  it('ask the API for any assignee, a team, a type and a status', () => {
    expect(toFilter({ ...DEFAULT_PARAMS, assignee: 'all', team: 'T', type: 'CALL', status: 'open', q: '  quote ' }, BERLIN)).toEqual({
      teamIds: ['T'],
      types: ['CALL'],
      status: ['OPEN', 'OVERDUE'],
      search: 'quote',
    });
    expect(toFilter({ ...DEFAULT_PARAMS, assignee: 'U', status: 'overdue' }, BERLIN)).toEqual({ assigneeIds: ['U'], status: ['OVERDUE'] });
  });

  it('take whole days on the organisation’s calendar: due ones, or done ones when only those are listed', () => {
    const december = { ...DEFAULT_PARAMS, from: '2026-12-01', to: '2026-12-31' };
    expect(toFilter(december, BERLIN)).toEqual({ mine: true, dueFrom: '2026-11-30T23:00:00.000Z', dueTo: '2026-12-31T23:00:00.000Z' });
    expect(toFilter({ ...december, status: 'done' }, BERLIN)).toEqual({
      mine: true,
      status: ['COMPLETED'],
      doneFrom: '2026-11-30T23:00:00.000Z',
      doneTo: '2026-12-31T23:00:00.000Z',
    });
    expect(toFilter({ ...december, status: 'done' }, BERLIN, { withDates: false })).toEqual({ mine: true });
  });
});
