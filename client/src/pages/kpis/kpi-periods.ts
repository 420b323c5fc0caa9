/** Calendar days (YYYY-MM-DD) of the dashboards' months and quarters, as half-open periods [from, to). */
export function addMonths(day: string, months: number): string {
  const [year, month] = day.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  return date.toISOString().slice(0, 10);
}

/** The month starting on `month` (its first day) as the records page's `from` and `to`. */
export const monthPeriod = (month: string) => ({ from: month, to: addMonths(month, 1) });

/**
 * A bucket of the sales grid within the period: from its start (or the period's, when the period
 * begins inside it) to the next one's, the last one to the end of the period.
 */
export const bucketPeriod = (starts: readonly string[], index: number, period: { from: string; to: string }) => ({
  from: starts[index] < period.from ? period.from : starts[index],
  to: starts[index + 1] ?? period.to,
});
