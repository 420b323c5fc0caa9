import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { StaleBadge } from '../../components/opportunity/StaleBadge.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { UndoToast, type ToastMessage } from '../../components/UndoToast.tsx';
import type { OpportunityDetailFieldsFragment, OpportunityFormOptionsQuery as FormOptions } from '../../gql/graphql.ts';
import { useUnsavedChangesPrompt } from '../../hooks/useUnsavedChangesPrompt.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
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
import { useUndoableClose } from './useUndoableClose.ts';
import { WinLossReportForm } from './WinLossReportForm.tsx';
import { OpportunityDocuments } from '../billing/OpportunityDocuments.tsx';
import { OpportunityCampaign } from '../campaigns/OpportunityCampaign.tsx';

type OpenDialog = 'win' | 'lose' | 'convert' | null;

/** `/opportunities/:id` (a global id, or a number like OPP-1042). */
export function OpportunityPage() {
  const { t } = useTranslation();
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
  if (!data || !options) return fetching || !options ? <Loading what={t('opportunity.loading')} /> : null;
  const opportunity = data.opportunity;
  if (!opportunity) {
    return (
      <div className="empty">
        <p>{t('opportunity.missing')}</p>
        <Link to={pipelinePaths.board()}>{t('opportunity.backToBoard')}</Link>
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
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [detailsDirty, setDetailsDirty] = useState(false);
  const [linesDirty, setLinesDirty] = useState(false);
  const unsavedPrompt = useUnsavedChangesPrompt(detailsDirty || linesDirty);
  const [actionError, setActionError] = useState<string | null>(null);
  const [{ fetching: following }, follow] = useMutation(FollowOpportunityMutation);
  const [{ fetching: unfollowing }, unfollow] = useMutation(UnfollowOpportunityMutation);
  const { viewer, worksWithOpportunities } = useViewer();
  const live = useOpportunityLive(opportunity, viewer?.id, reload);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastIds = useRef(0);
  const showToast = useCallback((next: Omit<ToastMessage, 'id'>) => setToast({ ...next, id: (toastIds.current += 1) }), []);
  const dismissToast = useCallback(() => setToast(null), []);
  const undoableClose = useUndoableClose({ showToast, showFailure: setActionError });

  const open = opportunity.status === 'OPEN';
  const canEdit = opportunity.viewerCanEdit;
  const locked = !open || !canEdit;

  async function toggleFollow() {
    setActionError(null);
    const result = opportunity.isFollowedByViewer ? await unfollow({ id: opportunity.id }) : await follow({ id: opportunity.id });
    const outcome = result.data && ('followOpportunity' in result.data ? result.data.followOpportunity : result.data.unfollowOpportunity);
    if (outcome?.__typename !== 'FollowOpportunitySuccess' && outcome?.__typename !== 'UnfollowOpportunitySuccess') {
      setActionError(serverErrors.failure(outcome, result.error, t('opportunity.follow.failed')));
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
            <span className={`status status--${opportunity.kind.toLowerCase()}`}>{t(`opportunity.kind.${opportunity.kind}`)}</span>
            <span className={`status status--${opportunity.status.toLowerCase()}`} data-testid="opportunity-status">
              {t(`opportunity.status.${opportunity.status}`)}
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
            title={opportunity.isFollowedByViewer ? t('opportunity.follow.followingHint') : t('opportunity.follow.followHint')}
          >
            {opportunity.isFollowedByViewer ? `★ ${t('opportunity.follow.following')}` : `☆ ${t('opportunity.follow.follow')}`}
          </button>
          {open && canEdit && (
            <>
              {opportunity.kind === 'LEAD' && (
                <button type="button" className="button button--secondary" onClick={() => setDialog('convert')}>
                  {t('opportunity.convert.action')}
                </button>
              )}
              <button type="button" className="button button--success" onClick={() => setDialog('win')}>
                {t('opportunity.win.action')}
              </button>
              <button type="button" className="button button--danger-outline" onClick={() => setDialog('lose')}>
                {t('opportunity.lose.action')}
              </button>
            </>
          )}
          {!open && canEdit && <ReopenButton opportunity={opportunity} onError={setActionError} onConflict={reload} />}
        </div>
      </div>

      {opportunity.status !== 'OPEN' && (
        <div className={`banner ${opportunity.status === 'WON' ? 'banner--success' : 'banner--closed'}`} role="status" data-testid="closed-banner">
          <p>
            <strong>
              {opportunity.closedAt
                ? t(`opportunity.closed.${opportunity.status}_on`, { day: formats.longDay(opportunity.closedAt) })
                : t(`opportunity.status.${opportunity.status}`)}
            </strong>
            {opportunity.status === 'LOST' && opportunity.lossReason && ` · ${t('opportunity.closed.reason', { reason: opportunity.lossReason.name })}`}
            {'. '}
            {t(`opportunity.closed.${opportunity.status}_locked`)}
          </p>
        </div>
      )}
      {open && !canEdit && (
        <div className="banner banner--info" role="status">
          <p>{t('opportunity.readOnly')}</p>
        </div>
      )}
      {live.notice && (
        <div className="banner banner--info banner--dismissable" role="status" data-testid="live-notice">
          <p>{live.notice}</p>
          <button type="button" className="button button--ghost" onClick={live.dismissNotice}>
            {t('common.dismiss')}
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
          <OpportunityDetailsForm
            key={`details-${locked}`}
            opportunity={opportunity}
            options={options}
            locked={locked}
            onConflict={reload}
            onDirtyChange={setDetailsDirty}
          />
        </div>
        <aside className="opportunity-layout__side">
          <section className="card" aria-labelledby="summary-title">
            <h2 id="summary-title" className="visually-hidden">
              {t('opportunity.summary.title')}
            </h2>
            <dl className="summary">
              <div>
                <dt>{t('opportunity.field.amount')}</dt>
                <dd data-testid="opportunity-amount">{formats.money(opportunity.amount)}</dd>
              </div>
              <div>
                <dt>{t('opportunity.summary.weighted')}</dt>
                <dd data-testid="weighted-amount">
                  {formats.money(opportunity.weightedAmount)} <span className="muted">({formats.percent(opportunity.probability)})</span>
                </dd>
              </div>
              <div>
                <dt>{t('opportunity.summary.inStageSince')}</dt>
                <dd>{formats.dateTime(opportunity.stageEnteredAt)}</dd>
              </div>
              <div>
                <dt>{t('opportunity.summary.followers')}</dt>
                <dd>
                  {opportunity.followers.length > 0 ? (
                    opportunity.followers.map((user) => user.name).join(', ')
                  ) : (
                    <span className="muted">{t('opportunity.summary.nobody')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('common.created')}</dt>
                <dd>{formats.dateTime(opportunity.createdAt)}</dd>
              </div>
              <div>
                <dt>{t('common.updated')}</dt>
                <dd>{formats.dateTime(opportunity.updatedAt)}</dd>
              </div>
            </dl>
          </section>
          {!open && canEdit && <WinLossReportForm opportunity={opportunity} onConflict={reload} />}
          {!open && !canEdit && opportunity.winLossReport && (
            <section className="card">
              <h2>{opportunity.status === 'WON' ? t('opportunity.report.WON') : t('opportunity.report.LOST')}</h2>
              <p className="pre-wrap">{opportunity.winLossReport}</p>
            </section>
          )}
          <OpportunityActivities
            opportunityId={opportunity.id}
            refreshKey={live.refreshKey}
            canAdd={worksWithOpportunities}
            canApplyPlan={open && canEdit}
          />
          <OpportunityDocuments opportunityId={opportunity.id} />
          <OpportunityCampaign opportunityId={opportunity.id} refreshKey={live.refreshKey} />
        </aside>
      </div>
      <OpportunityLinesEditor key={`lines-${locked}`} opportunity={opportunity} locked={locked} onConflict={reload} onDirtyChange={setLinesDirty} />
      <OpportunityHistory opportunityId={opportunity.id} refreshKey={live.refreshKey} />

      {dialog === 'win' && (
        <WinDialog
          opportunity={opportunity}
          onClose={closeDialog}
          onConflict={reload}
          onWon={(won, closedActivityIds) => undoableClose({ id: opportunity.id, humanId: opportunity.humanId, status: 'WON', version: won.version }, closedActivityIds)}
        />
      )}
      {dialog === 'lose' && (
        <LoseDialog
          opportunity={opportunity}
          onClose={closeDialog}
          onConflict={reload}
          onLost={(lost, closedActivityIds) => undoableClose({ id: opportunity.id, humanId: opportunity.humanId, status: 'LOST', version: lost.version }, closedActivityIds)}
        />
      )}
      {dialog === 'convert' && <ConvertDialog opportunity={opportunity} dealPipelines={dealPipelines} onClose={closeDialog} onConflict={reload} />}
      {unsavedPrompt}
      <UndoToast toast={toast} onDismiss={dismissToast} />
    </article>
  );
}
