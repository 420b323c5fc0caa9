import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { parseInput } from '../validation.ts';

/**
 * What every figure is computed for (kpis.md, "Conventions"): a half-open period of the
 * organisation's calendar days, the viewer's readable records narrowed by owner, team and
 * pipeline, and for the figures built on opportunities an optional moment to reconstruct them at.
 */
export interface KpiScope {
  ownerIds: string[];
  teamIds: string[];
  pipelineIds: string[];
}

export interface KpiSettings {
  /** IANA time zone of the organisation's calendar. */
  timeZone: string;
  /** "Without activity" after this many days. */
  staleAfterDays: number;
}

export interface KpiQuery {
  viewer: Viewer;
  /** First day of the period (a UTC-midnight Date standing for the organisation's calendar day). */
  from: Date;
  /** The day after the period's last day (half-open). */
  to: Date;
  scope: KpiScope;
  /** The moment opportunity figures are reconstructed at; null: their present state. */
  asOf: Date | null;
  /** What "now", "today" and "this month" mean: `asOf` when given, else the request's time. */
  now: Date;
  settings: KpiSettings;
}

export interface KpiArguments {
  period?: { from: Date; to: Date } | null;
  scope?: { ownerIds?: string[] | null; teamIds?: string[] | null; pipelineIds?: string[] | null } | null;
  asOf?: Date | null;
}

/** Monthly lists stay at most this long, so a whole tab fits the query cost limit. */
export const MAX_PERIOD_MONTHS = 36;
/** kpis.md: forecasts can be run as of any moment in the last two years. */
export const AS_OF_YEARS = 2;
const MAX_SCOPE_IDS = 50;
/** A client's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 60_000;

const ids = z.array(z.uuid()).max(MAX_SCOPE_IDS, `At most ${MAX_SCOPE_IDS}.`).nullish();

const argumentsSchema = z.object({
  period: z.object({ from: z.date(), to: z.date() }).nullish(),
  scope: z.object({ ownerIds: ids, teamIds: ids, pipelineIds: ids }).nullish(),
  asOf: z.date().nullish(),
});

/** The calendar day of `at` in `timeZone`, as a UTC-midnight Date. */
export function dayIn(at: Date, timeZone: string): Date {
  const text = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  return new Date(`${text}T00:00:00.000Z`);
}

export function addMonths(day: Date, months: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
}

export const startOfMonth = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
export const startOfYear = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), 0, 1));

export type DefaultPeriod = 'YEAR' | 'MONTH';

/** The current calendar year (Overview, Team) or month (Month tab) of the organisation at `now`. */
export function defaultPeriod(kind: DefaultPeriod, now: Date, timeZone: string): { from: Date; to: Date } {
  const today = dayIn(now, timeZone);
  if (kind === 'MONTH') return { from: startOfMonth(today), to: addMonths(today, 1) };
  const from = startOfYear(today);
  return { from, to: new Date(Date.UTC(from.getUTCFullYear() + 1, 0, 1)) };
}

/**
 * Checks the arguments of a KPI query; SERVICE users, who read no opportunities, activities or
 * documents, are refused (FORBIDDEN) rather than shown zeros.
 */
export function kpiQuery(viewer: Viewer, raw: KpiArguments, settings: KpiSettings, requestTime: Date, defaults: DefaultPeriod = 'YEAR'): KpiQuery {
  if (viewer.role === 'SERVICE') throw new ForbiddenError('Key figures are for the sales roles.');
  const input = parseInput(argumentsSchema, raw);
  const asOf = input.asOf ?? null;
  if (asOf) {
    if (asOf.getTime() > requestTime.getTime() + CLOCK_SKEW_MS) throw ValidationError.field('asOf', 'IN_FUTURE', 'asOf must not lie in the future.');
    const earliest = new Date(requestTime);
    earliest.setUTCFullYear(earliest.getUTCFullYear() - AS_OF_YEARS);
    if (asOf < earliest) throw ValidationError.field('asOf', 'TOO_OLD', `asOf reaches back at most ${AS_OF_YEARS} years.`);
  }
  const now = asOf ?? requestTime;
  const period = input.period ?? defaultPeriod(defaults, now, settings.timeZone);
  const from = utcDay(period.from);
  const to = utcDay(period.to);
  if (to <= from) throw ValidationError.field('period.to', 'BEFORE_FROM', 'The period ends after it starts (to is the day after its last day).');
  if (to > addMonths(startOfMonth(from), MAX_PERIOD_MONTHS)) {
    throw new ValidationError([{ field: 'period.to', reason: 'TOO_LONG', message: `A period spans at most ${MAX_PERIOD_MONTHS} months.`, limit: MAX_PERIOD_MONTHS }]);
  }
  const scope = input.scope ?? {};
  return {
    viewer,
    from,
    to,
    scope: { ownerIds: unique(scope.ownerIds), teamIds: unique(scope.teamIds), pipelineIds: unique(scope.pipelineIds) },
    asOf,
    now,
    settings,
  };
}

/** The same query as someone's own board: only what `ownerId` owns (or is assigned). */
export function ownedBy(query: KpiQuery, ownerId: string): KpiQuery {
  return { ...query, scope: { ...query.scope, ownerIds: [ownerId] } };
}

/** Queries with equal keys read the same rows, so their figures share statements. */
export function queryKey(query: KpiQuery): string {
  return JSON.stringify([query.from, query.to, query.scope, query.asOf, query.now]);
}

const unique = (values: string[] | null | undefined) => [...new Set(values ?? [])].sort();

/** A Date scalar arrives as UTC midnight; anything else is cut to its UTC day. */
const utcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
