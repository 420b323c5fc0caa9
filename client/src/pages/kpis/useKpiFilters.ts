import { useMemo } from 'react';
import { useQueryParams } from '../../hooks/useQueryParams.ts';

export const KPI_TABS = ['overview', 'month', 'team', 'forecast', 'my'] as const;
export type KpiTab = (typeof KPI_TABS)[number];

// `interval`: the sales grid per MONTH or QUARTER.
const FILTER_KEYS = ['from', 'to', 'team', 'owner', 'pipeline', 'asOf', 'interval'] as const;
export type KpiFilterKey = (typeof FILTER_KEYS)[number];

/**
 * The dashboard's state lives in the URL (tab, period, team, owner, pipeline, as-of day, the sales
 * grid's interval), so a
 * report is shared as a link and the back button walks through the choices.
 */
export function useKpiFilters() {
  const [params, setParams] = useQueryParams();
  const tab = (KPI_TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as KpiTab) : 'overview';
  const values = useMemo(() => Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as Record<KpiFilterKey, string>, [params]);
  const variables = useMemo(() => {
    const period = values.from && values.to ? { from: values.from, to: values.to } : undefined;
    const scope = {
      ...(values.team ? { teamIds: [values.team] } : {}),
      ...(values.owner ? { ownerIds: [values.owner] } : {}),
      ...(values.pipeline ? { pipelineIds: [values.pipeline] } : {}),
    };
    // The as-of day means its end in the browser's time zone, capped at now.
    const asOf = values.asOf ? new Date(Math.min(Date.parse(`${values.asOf}T23:59:59`), Date.now())).toISOString() : undefined;
    return { period, scope, asOf };
  }, [values]);
  const update = (changes: Partial<Record<KpiFilterKey | 'tab', string>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  /** The query string of the current filters, for links to the records behind a figure. */
  const linkParams = (extra: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) if (values[key]) next.set(key, values[key]);
    for (const [key, value] of Object.entries(extra)) next.set(key, value);
    return next.toString();
  };
  /**
   * The records page of a figure: `extra` names the kind, the item (stage, account, ...) or narrows
   * period and scope; `back` keeps the dashboard as it was (tab, filters), to return to.
   */
  const records = (figure: string, extra: Record<string, string> = {}) => `/kpis/records?${linkParams({ figure, ...extra, back: params.toString() })}`;
  return { tab, values, variables, update, linkParams, records };
}
