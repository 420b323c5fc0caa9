import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { failureMessage } from '../../components/opportunity/errors.ts';
import { formatEur } from '../../components/opportunity/money.ts';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { StaleBadge } from '../../components/opportunity/StaleBadge.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { OpportunityDetailFieldsFragment, OpportunityFormOptionsQuery as FormOptions } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ConvertDialog, LoseDialog, WinDialog } from './CloseDialogs.tsx';
import { OpportunityActivities } from './OpportunityActivities.tsx';
import { OpportunityDetailsForm } from './OpportunityDetailsForm.tsx';
import { OpportunityHistory } from './OpportunityHistory.tsx';
import { OpportunityLinesEditor } from './OpportunityLinesEditor.tsx';
import {
  FollowOpportunityMutation,
  OpportunityDetailQuery,
  OpportunityFormOptionsQuery,
  UnfollowOpportunityMutation,
} from './opportunity-queries.ts';
import { ReopenButton } from './ReopenButton.tsx';
import { useOpportunityLive } from './useOpportunityLive.ts';
import { WinLossReportForm } from './WinLossReportForm.tsx';
import { OpportunityDocuments } from '../billing/OpportunityDocuments.tsx';
import { OpportunityCampaign } from '../campaigns/OpportunityCampaign.tsx';

type OpenDialog = 'win' | 'lose' | 'convert' | null;

const closedDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** `/opportunities/:id` (a global id, or a number like OPP-1042). */
export function OpportunityPage() {
  const { id = '' } = useParams();
  const byHumanId = /^[A-Za-z]+-\d+$/.test(id);
  const variables = byHumanId ? { humanId: id.toUpperCase() } : { id };
  const context = useMemo(() => ({ additionalTypenames: ['Opportunity'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: OpportunityDetailQuery,
    variables,
    requestPolicy: 'cache-and-network',
    context,
  });
  const [{ data: options, error: optionsError }] = useQuery({ query: OpportunityFormOptionsQuery, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  const failed = error ?? optionsError;
  if (failed && (!data || !options)) return <QueryError error={failed} />;
  if (!data || !options) return fetching || !options ? <Loading what="the opportunity" /> : null;
  const opportunity = data.opportunity;
  if (!opportunity) {
    return (
      <div className="empty">
        <p>This opportunity does not exist, or you may not see it.</p>
        <Link to={pipelinePaths.board()}>Back to the board</Link>
      </div>
    );
  }
  return <OpportunityView key={opportunity.id} opportunity={opportunity} options={options} reload={reload} />;
}

interface ViewProps {
  opportunity: OpportunityDetailFieldsFragment;
  options: FormOptions;
  reload(): void;
}

function OpportunityView({ opportunity, options, reload }: ViewProps) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [{ fetching: following }, follow] = useMutation(FollowOpportunityMutation);
  const [{ fetching: unfollowing }, unfollow] = useMutation(UnfollowOpportunityMutation);
  const { viewer } = useViewer();
  const live = useOpportunityLive(opportunity, viewer?.id, reload);

  const open = opportunity.status === 'OPEN';
  const canEdit = opportunity.viewerCanEdit;
  const locked = !open || !canEdit;

  async function toggleFollow() {
    setActionError(null);
    const result = opportunity.isFollowedByViewer ? await unfollow({ id: opportunity.id }) : await follow({ id: opportunity.id });
    const outcome = result.data && ('followOpportunity' in result.data ? result.data.followOpportunity : result.data.unfollowOpportunity);
    if (outcome?.__typename !== 'FollowOpportunitySuccess' && outcome?.__typename !== 'UnfollowOpportunitySuccess') {
      setActionError(failureMessage(outcome, result.error, 'Following could not be changed.'));
    }
  }

  const closeDialog = () => setDialog(null);
  const dealPipelines = options.pipelines.filter((pipeline) => pipeline.kind === 'DEAL');

  return (
    <article aria-labelledby="opportunity-heading" className="opportunity-page">
      <p className="breadcrumb">
        <Link to={pipelinePaths.board(opportunity.pipeline.id)}>{opportunity.pipeline.name}</Link> / {opportunity.stage.name}
      </p>
      <div className="page-header">
        <div>
          <h1 id="opportunity-heading">{opportunity.title}</h1>
          <div className="opportunity-page__badges">
            <span className="status">{opportunity.humanId}</span>
            <span className={`status status--${opportunity.kind.toLowerCase()}`}>{opportunity.kind === 'LEAD' ? 'Lead' : 'Deal'}</span>
            <span className={`status status--${opportunity.status.toLowerCase()}`} data-testid="opportunity-status">
              {opportunity.status === 'OPEN' ? 'Open' : opportunity.status === 'WON' ? 'Won' : 'Lost'}
            </span>
            {opportunity.isStale && <StaleBadge days={opportunity.daysWithoutActivity} />}
          </div>
        </div>
        <div className="page-header__actions">
          <button
            type="button"
            className={`button ${opportunity.isFollowedByViewer ? 'button--secondary' : 'button--ghost'}`}
            aria-pressed={opportunity.isFollowedByViewer}
            onClick={() => void toggleFollow()}
            disabled={following || unfollowing}
            title={opportunity.isFollowedByViewer ? 'You are notified of its changes. Click to stop.' : 'Be notified of its changes.'}
          >
            {opportunity.isFollowedByViewer ? '★ Following' : '☆ Follow'}
          </button>
          {open && canEdit && (
            <>
              {opportunity.kind === 'LEAD' && (
                <button type="button" className="button button--secondary" onClick={() => setDialog('convert')}>
                  Convert to deal
                </button>
              )}
              <button type="button" className="button button--success" onClick={() => setDialog('win')}>
                Win
              </button>
              <button type="button" className="button button--danger-outline" onClick={() => setDialog('lose')}>
                Lose
              </button>
            </>
          )}
          {opportunity.status === 'LOST' && canEdit && <ReopenButton opportunity={opportunity} onError={setActionError} onConflict={reload} />}
        </div>
      </div>

      {opportunity.status !== 'OPEN' && (
        <div className={`banner ${opportunity.status === 'WON' ? 'banner--success' : 'banner--closed'}`} role="status" data-testid="closed-banner">
          <p>
            <strong>
              {opportunity.status === 'WON' ? 'Won' : 'Lost'}
              {opportunity.closedAt && ` on ${closedDay.format(new Date(opportunity.closedAt))}`}
            </strong>
            {opportunity.status === 'LOST' && opportunity.lossReason && ` · Reason: ${opportunity.lossReason.name}`}
            {'. '}
            Stage, amount, lines, dates and the other business data are locked; the {opportunity.status === 'WON' ? 'win' : 'loss'} report
            can still be edited.
          </p>
        </div>
      )}
      {open && !canEdit && (
        <div className="banner banner--info" role="status">
          <p>You can see this opportunity but not change it.</p>
        </div>
      )}
      {live.notice && (
        <div className="banner banner--info banner--dismissable" role="status" data-testid="live-notice">
          <p>{live.notice}</p>
          <button type="button" className="button button--ghost" onClick={live.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {actionError && (
        <div className="banner banner--error" role="alert">
          {actionError}
        </div>
      )}

      <div className="opportunity-layout">
        <div className="opportunity-layout__main">
          {/* Closing or reopening starts the forms over from the server's data. */}
          <OpportunityDetailsForm key={`details-${locked}`} opportunity={opportunity} options={options} locked={locked} onConflict={reload} />
          <OpportunityLinesEditor key={`lines-${locked}`} opportunity={opportunity} locked={locked} onConflict={reload} />
        </div>
        <aside className="opportunity-layout__side">
          <section className="card" aria-labelledby="summary-title">
            <h2 id="summary-title" className="visually-hidden">
              Summary
            </h2>
            <dl className="summary">
              <div>
                <dt>Amount</dt>
                <dd>{formatEur(opportunity.amount)}</dd>
              </div>
              <div>
                <dt>Weighted</dt>
                <dd data-testid="weighted-amount">
                  {formatEur(opportunity.weightedAmount)} <span className="muted">({opportunity.probability} %)</span>
                </dd>
              </div>
              <div>
                <dt>In stage since</dt>
                <dd>{formatDateTime(opportunity.stageEnteredAt)}</dd>
              </div>
              <div>
                <dt>Followers</dt>
                <dd>{opportunity.followers.length > 0 ? opportunity.followers.map((user) => user.name).join(', ') : <span className="muted">nobody</span>}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>{formatDateTime(opportunity.createdAt)}</dd>
              </div>
              <div>
                <dt>Updated</dt>
                <dd>{formatDateTime(opportunity.updatedAt)}</dd>
              </div>
            </dl>
          </section>
          {!open && canEdit && <WinLossReportForm opportunity={opportunity} onConflict={reload} />}
          {!open && !canEdit && opportunity.winLossReport && (
            <section className="card">
              <h2>{opportunity.status === 'WON' ? 'Win report' : 'Loss report'}</h2>
              <p className="pre-wrap">{opportunity.winLossReport}</p>
            </section>
          )}
          <OpportunityActivities opportunityId={opportunity.id} refreshKey={live.refreshKey} />
          <OpportunityDocuments opportunityId={opportunity.id} />
          <OpportunityCampaign opportunityId={opportunity.id} refreshKey={live.refreshKey} />
        </aside>
      </div>
      <OpportunityHistory opportunityId={opportunity.id} refreshKey={live.refreshKey} />

      {dialog === 'win' && <WinDialog opportunity={opportunity} onClose={closeDialog} onConflict={reload} />}
      {dialog === 'lose' && <LoseDialog opportunity={opportunity} onClose={closeDialog} onConflict={reload} />}
      {dialog === 'convert' && <ConvertDialog opportunity={opportunity} dealPipelines={dealPipelines} onClose={closeDialog} onConflict={reload} />}
    </article>
  );
}
