import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { paths } from '../../lib/paths.ts';

export const activityPaths = {
  list: () => '/activities',
  /** The week view; its `week` parameter (a Monday, YYYY-MM-DD) picks the week, this one without it. */
  week: () => '/activities/week',
};

interface Linked {
  opportunity?: { id: string; humanId: string; title: string } | null;
  account?: { id: string; name: string } | null;
  contact?: { id: string; fullName: string } | null;
}

/**
 * The page of the record an activity is about, as the server decides who may change it: its
 * opportunity, else its account, else its contact. Null when the viewer may read none of them.
 */
export function activityRecord(activity: Linked): { path: string; label: string } | null {
  if (activity.opportunity) {
    return { path: pipelinePaths.opportunity(activity.opportunity.id), label: `${activity.opportunity.humanId} ${activity.opportunity.title}` };
  }
  if (activity.account) return { path: paths.account(activity.account.id), label: activity.account.name };
  if (activity.contact) return { path: `/contacts/${encodeURIComponent(activity.contact.id)}`, label: activity.contact.fullName };
  return null;
}
