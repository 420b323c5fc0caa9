import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { ValidationError } from '../../domain/errors.ts';
import { defaultPeriod, kpiQuery, type KpiArguments, type KpiQuery } from '../../domain/kpis/kpi-query.ts';
import { getOrganisationSettings } from '../../domain/settings.ts';
import { decodeIds } from '../ids.ts';
import { requireViewer } from '../viewer.ts';

export const KpiPeriodPreset = builder.enumType('KpiPeriodPreset', {
  description: "A period relative to today on the organisation's calendar.",
  values: {
    CURRENT_YEAR: { description: 'January 1st to December 31st of this year (default of the Overview and Team tabs).' },
    CURRENT_MONTH: { description: 'This calendar month (default of the Month tab).' },
  },
});

export const KpiPeriodInput = builder.inputType('KpiPeriodInput', {
  description:
    "A half-open period [from, to) of calendar days in the organisation's time zone: `to` is the day AFTER the last day (the year 2026 is from 2026-01-01 to 2027-01-01). Give `from` and `to`, or a `preset`; at most 36 months.",
  fields: (t) => ({
    from: t.field({ type: 'Date' }),
    to: t.field({ type: 'Date', description: 'The day after the last day of the period.' }),
    preset: t.field({ type: KpiPeriodPreset, description: 'Used when from and to are not given (default CURRENT_YEAR).' }),
  }),
});

export const KpiScopeInput = builder.inputType('KpiScopeInput', {
  description:
    "Narrows the figures; only what the viewer may read counts in any case. Owners are the records' owners (an activity's assignee, a document's own owner); pipelines narrow opportunities and the activities, quotes, orders, invoices, accounts and contacts that belong to an opportunity of them. Budget targets follow owners and teams, not pipelines.",
  fields: (t) => ({
    ownerIds: t.idList({ description: 'Users (at most 50).' }),
    teamIds: t.idList({ description: 'Teams (at most 50).' }),
    pipelineIds: t.idList({ description: 'Pipelines (at most 50).' }),
  }),
});

export type PeriodArg = typeof KpiPeriodInput.$inferInput | null | undefined;
export type ScopeArg = typeof KpiScopeInput.$inferInput | null | undefined;

/** The organisation's calendar and "stale" rule, read once per request. */
const settingsOfRequest = new WeakMap<Context, ReturnType<typeof getOrganisationSettings>>();
export function kpiSettings(context: Context) {
  let settings = settingsOfRequest.get(context);
  if (!settings) {
    settings = getOrganisationSettings(context.prisma);
    settingsOfRequest.set(context, settings);
  }
  return settings.then(({ timeZone, staleAfterDays }) => ({ timeZone, staleAfterDays }));
}

export function kpiArguments(period: PeriodArg, scope: ScopeArg, asOf: Date | null | undefined, requestTime: Date, timeZone: string): KpiArguments {
  if (period && (period.from == null) !== (period.to == null)) {
    throw ValidationError.field(period.from == null ? 'period.from' : 'period.to', 'REQUIRED', 'Give both from and to, or a preset.');
  }
  const explicit = period?.from && period.to ? { from: period.from, to: period.to } : null;
  return {
    period: explicit ?? defaultPeriod(period?.preset === 'CURRENT_MONTH' ? 'MONTH' : 'YEAR', asOf ?? requestTime, timeZone),
    scope: {
      ownerIds: decodeIds(scope?.ownerIds, 'User', 'scope.ownerIds'),
      teamIds: decodeIds(scope?.teamIds, 'Team', 'scope.teamIds'),
      pipelineIds: decodeIds(scope?.pipelineIds, 'Pipeline', 'scope.pipelineIds'),
    },
    asOf,
  };
}

/** Checks and decodes the arguments of a KPI field into the domain's query. */
export async function resolveKpiQuery(context: Context, period: PeriodArg, scope: ScopeArg, asOf?: Date | null): Promise<KpiQuery> {
  const viewer = requireViewer(context);
  const settings = await kpiSettings(context);
  const requestTime = new Date();
  return kpiQuery(viewer, kpiArguments(period, scope, asOf, requestTime, settings.timeZone), settings, requestTime);
}

/** The same period and scope as of `asOf` (or as they are now when it is null). */
export function atMoment(base: KpiQuery, asOf: Date | null | undefined): KpiQuery {
  if (!asOf) return base;
  return kpiQuery(base.viewer, { period: { from: base.from, to: base.to }, scope: base.scope, asOf }, base.settings, new Date());
}

export const AS_OF_DESCRIPTION =
  'Computes these figures from the opportunities as they were at this moment (at most two years back), rolled back through their history; "now", "today" and "this month" then mean that moment. Omitted: as they are now.';
