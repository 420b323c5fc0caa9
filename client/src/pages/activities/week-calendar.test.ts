import { describe, expect, it } from 'vitest';
import { byDay, endOf } from './week-calendar.ts';
import { weekDays } from './zoned-time.ts';

describe('the week calendar', () => {
  it('puts each activity on the organisation’s day it is due, and gives empty days their list', () => {
    const days = weekDays('2026-11-30');
    const late = { id: 'late', dueAt: '2026-12-02T23:30:00Z' };
    const morning = { id: 'morning', dueAt: '2026-12-03T08:00:00Z' };
    const nextWeek = { id: 'next', dueAt: '2026-12-07T09:00:00Z' };
    const grouped = byDay([late, morning, nextWeek, { id: 'undated', dueAt: null }], days, 'Europe/Berlin');
    expect([...grouped.keys()]).toEqual(days);
    // 23:30 UTC on Wednesday is Thursday in Berlin.
    expect(grouped.get('2026-12-03')!.map((item) => item.id)).toEqual(['late', 'morning']);
    expect(grouped.get('2026-12-02')).toEqual([]);
    expect([...grouped.values()].flat().map((item) => item.id)).not.toContain('next');
    expect(byDay([late], days, 'UTC').get('2026-12-02')!.map((item) => item.id)).toEqual(['late']);
  });

  it('ends an entry after its duration', () => {
    expect(endOf('2026-12-03T08:00:00Z', 90)).toBe('2026-12-03T09:30:00.000Z');
    expect(endOf('2026-12-03T08:00:00Z', null)).toBeNull();
  });
});
