import { describe, expect, it } from 'vitest';
import { addDaysTo, dayRange, instantOf, mondayOf, rescheduleTarget, todayIn, wallTimeOf, weekDays } from './zoned-time.ts';

const BERLIN = 'Europe/Berlin';

describe('the organisation’s clock', () => {
  it('reads an instant as the organisation’s day and time, whatever zone the browser runs in', () => {
    expect(wallTimeOf('2026-12-03T08:30:00Z', BERLIN)).toEqual({ date: '2026-12-03', time: '09:30' });
    expect(wallTimeOf('2026-07-03T08:30:00Z', BERLIN)).toEqual({ date: '2026-07-03', time: '10:30' });
    // 23:30 UTC on the 2nd is already the 3rd in Berlin; midnight is a day without time.
    expect(wallTimeOf('2026-12-02T23:00:00Z', BERLIN)).toEqual({ date: '2026-12-03', time: '' });
    expect(wallTimeOf('2026-12-03T08:30:00Z', 'America/New_York')).toEqual({ date: '2026-12-03', time: '03:30' });
  });

  it('turns a day and time on the organisation’s clock into the instant, in winter and summer', () => {
    expect(instantOf('2026-12-03', '09:30', BERLIN)).toBe('2026-12-03T08:30:00.000Z');
    expect(instantOf('2026-07-03', '09:30', BERLIN)).toBe('2026-07-03T07:30:00.000Z');
    expect(instantOf('2026-12-03', '', BERLIN)).toBe('2026-12-02T23:00:00.000Z');
    for (const instant of ['2026-03-29T00:59:00.000Z', '2026-03-29T01:00:00.000Z', '2026-10-25T02:00:00.000Z']) {
      const { date, time } = wallTimeOf(instant, BERLIN);
      expect(instantOf(date, time, BERLIN)).toBe(instant);
    }
    // 02:30 happens twice when the clocks go back; either moment shows what was typed.
    expect(wallTimeOf(instantOf('2026-10-25', '02:30', BERLIN)!, BERLIN)).toEqual({ date: '2026-10-25', time: '02:30' });
  });

  it('moves a time skipped by the spring change forward, and refuses what is no day or time', () => {
    expect(instantOf('2026-03-29', '02:30', BERLIN)).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTimeOf('2026-03-29T01:30:00.000Z', BERLIN).time).toBe('03:30');
    expect(instantOf('2026-02-31', '09:00', BERLIN)).toBeNull();
    expect(instantOf('2026-12-03', '25:00', BERLIN)).toBeNull();
    expect(instantOf('', '09:00', BERLIN)).toBeNull();
    expect(instantOf('3.12.2026', '', BERLIN)).toBeNull();
  });

  it('counts days and weeks on the calendar, across month ends, years and summer time', () => {
    expect(todayIn(BERLIN, new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(addDaysTo('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDaysTo('2026-03-28', 1)).toBe('2026-03-29');
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(weekDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('gives whole days as the API’s [from, to) range', () => {
    expect(dayRange('2026-03-23', '2026-03-29', BERLIN)).toEqual({ from: '2026-03-22T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
    expect(dayRange('2026-03-23', 'soon', BERLIN)).toBeNull();
  });

  it('reschedules to tomorrow or next Monday at the time of day the activity has', () => {
    const thursday = new Date('2026-12-03T15:00:00Z');
    expect(rescheduleTarget('tomorrow', '2026-12-01T13:15:00Z', BERLIN, thursday)).toBe('2026-12-04T13:15:00.000Z');
    expect(rescheduleTarget('nextWeek', '2026-12-01T13:15:00Z', BERLIN, thursday)).toBe('2026-12-07T13:15:00.000Z');
    expect(rescheduleTarget('tomorrow', null, BERLIN, thursday)).toBe('2026-12-03T23:00:00.000Z');
    // Late on Sunday in Berlin it is Monday already: next week is the Monday after.
    expect(rescheduleTarget('nextWeek', null, BERLIN, new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-13T23:00:00.000Z');
    // A summer time appointment moved into winter keeps its wall-clock time.
    expect(rescheduleTarget('tomorrow', '2026-10-20T07:00:00Z', BERLIN, new Date('2026-10-24T12:00:00Z'))).toBe('2026-10-25T08:00:00.000Z');
  });
});
