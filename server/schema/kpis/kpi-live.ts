import { filter, pipe, Repeater } from 'graphql-yoga';
import { builder } from '../../builder.ts';
import { untilStopped } from '../../live/until-stopped.ts';
import { affectedFamilies, concernsViewer, KPI_FAMILIES, type KpiFamily, type KpiSourceEvent } from '../../domain/kpis/kpi-changes.ts';
import { kpiQuery } from '../../domain/kpis/kpi-query.ts';
import { requireViewer } from '../viewer.ts';
import { KpiScopeInput, kpiArguments, kpiSettings } from './kpi-inputs.ts';

/** kpisChanged sends at most one event per this interval and subscription (viewer and scope). */
export const KPI_CHANGE_INTERVAL_MS = 1000;

interface KpisChange {
  families: Set<KpiFamily>;
  changes: number;
}

/**
 * Passes the first change at once, then gathers what arrives within the interval into one event
 * sent when it ends, so a burst (an import, a bulk edit) costs each dashboard one refresh per
 * second. Ends with the subscription, returning the source.
 */
export function coalesce<Event>(source: AsyncIterable<Event>, intervalMs: number, merge: (pending: KpisChange | undefined, event: Event) => KpisChange) {
  return new Repeater<KpisChange>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    let pending: KpisChange | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastSent = 0;
    const flush = () => {
      timer = undefined;
      if (!pending) return;
      const change = pending;
      pending = undefined;
      lastSent = Date.now();
      void push(change);
    };
    const nextUnlessStopped = untilStopped(iterator, stop);
    void (async () => {
      try {
        for (;;) {
          const result = await nextUnlessStopped();
          if (!result || result.done) break;
          pending = merge(pending, result.value);
          if (timer) continue;
          const wait = lastSent + intervalMs - Date.now();
          if (wait <= 0) flush();
          else timer = setTimeout(flush, wait);
        }
        stop();
      } catch (error) {
        stop(error);
      }
    })();
    await stop;
    if (timer) clearTimeout(timer);
    await iterator.return?.();
  });
}

const KpiFamilyEnum = builder.enumType('KpiFamily', {
  description: 'Figures that read the same records: OPPORTUNITIES (leads, deals, forecast, team, my board), ACCOUNTS (contacts.*), QUOTES, ORDERS, INVOICES (revenue, cash flow, invoices, customers, products), ACTIVITIES (activities.*, my tasks).',
  values: KPI_FAMILIES,
});

const KpisChangeRef = builder.objectRef<KpisChange>('KpisChange').implement({
  description: 'Records behind the dashboards changed: refetch the figures of these families.',
  fields: (t) => ({
    families: t.field({ type: [KpiFamilyEnum], resolve: (change) => KPI_FAMILIES.filter((family) => change.families.has(family)) }),
    changes: t.int({ description: 'How many changes this event gathers.', resolve: (change) => change.changes }),
  }),
});

builder.subscriptionField('kpisChanged', (t) =>
  t.field({
    type: KpisChangeRef,
    authScopes: { sales: true },
    description: `Tells an open dashboard that records behind its figures changed (only records the viewer may read, in the scope's teams and pipelines), at most once per ${KPI_CHANGE_INTERVAL_MS / 1000} s: the first change at once, later ones gathered into one event.`,
    args: { scope: t.arg({ type: KpiScopeInput }) },
    subscribe: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const settings = await kpiSettings(context);
      const now = new Date();
      const { scope } = kpiQuery(viewer, kpiArguments(null, args.scope, null, now, settings.timeZone), settings, now);
      const relevant = pipe(
        context.pubsub.subscribe('kpis'),
        filter((event: KpiSourceEvent) => concernsViewer(viewer, scope, event)),
      );
      return coalesce(relevant, KPI_CHANGE_INTERVAL_MS, (pending, event: KpiSourceEvent) => ({
        families: new Set([...(pending?.families ?? []), ...affectedFamilies(event)]),
        changes: (pending?.changes ?? 0) + 1,
      }));
    },
    resolve: (change) => change as KpisChange,
  }),
);
