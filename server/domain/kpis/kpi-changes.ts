import type { Viewer } from '../../auth/viewer.ts';
import { canReadSalesRecord } from '../access.ts';
import type { ActivityChangedEvent, DocumentChangedEvent, OpportunityChangedEvent } from '../events.ts';
import type { KpiScope } from './kpi-query.ts';

/**
 * Which figures a committed change may have moved (kpisChanged), and whether it concerns a
 * viewer's dashboard: only changes of records the viewer may read (before or after the change),
 * within the scope's teams and pipelines. Events do not carry owners, and documents and
 * activities not their pipeline: those filters let the change through (a needless refresh, never
 * a missed one).
 */
export const KPI_FAMILIES = ['OPPORTUNITIES', 'ACCOUNTS', 'QUOTES', 'ORDERS', 'INVOICES', 'ACTIVITIES'] as const;
export type KpiFamily = (typeof KPI_FAMILIES)[number];

export type KpiSourceEvent = OpportunityChangedEvent | DocumentChangedEvent | ActivityChangedEvent;

export function affectedFamilies(event: KpiSourceEvent): KpiFamily[] {
  if (event.type === 'DOCUMENT_CHANGED') return [`${event.kind}S` as KpiFamily];
  // An activity decides withoutActivity (opportunities) and contacts.active (accounts).
  if (event.type === 'ACTIVITY_CHANGED') return ['ACTIVITIES', 'OPPORTUNITIES', 'ACCOUNTS'];
  // Winning makes the account a customer; closing decides contacts.lost. A new team takes the
  // opportunity's activities along.
  return ['OPPORTUNITIES', 'ACCOUNTS', ...(event.changes.some((change) => change.field === 'teamId') ? (['ACTIVITIES'] as const) : [])];
}

export function concernsViewer(viewer: Viewer, scope: KpiScope, event: KpiSourceEvent): boolean {
  const teams = event.type === 'OPPORTUNITY_CHANGED' ? [event.teamId, event.previousTeamId] : [event.teamId];
  const readable = teams.filter((teamId) => canReadSalesRecord(viewer, { teamId }));
  if (readable.length === 0) return false;
  if (scope.teamIds.length && !readable.some((teamId) => scope.teamIds.includes(teamId))) return false;
  if (scope.pipelineIds.length && event.type === 'OPPORTUNITY_CHANGED') {
    return [event.pipelineId, event.previousPipelineId].some((pipelineId) => scope.pipelineIds.includes(pipelineId));
  }
  return true;
}
