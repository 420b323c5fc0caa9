import { DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { UndoToast, type ToastMessage } from '../../components/UndoToast.tsx';
import type { BoardCardFieldsFragment, OpportunityKind } from '../../gql/graphql.ts';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { collisionDetection, useDragAnnouncements } from './board-dnd.ts';
import { columnKeyboardCoordinates } from './board-keyboard.ts';
import { changeText } from './board-live.ts';
import { applyMoves } from './board-moves.ts';
import { BoardPipelinesQuery, BoardQuery } from './board-queries.ts';
import { BoardCard, CardBody, GhostCard, type MoveTarget } from './BoardCard.tsx';
import { BoardCloseDialogs } from './BoardCloseDialogs.tsx';
import { BoardColumn } from './BoardColumn.tsx';
import { BoardFilters, type BoardFilterValues } from './BoardFilters.tsx';
import { NewOpportunityDialog, type CreatedOpportunity } from './NewOpportunityDialog.tsx';
import { OutcomeDropZones, outcomeOf, type Outcome } from './OutcomeDropZones.tsx';
import { rememberedPipeline, rememberPipeline } from './remembered-pipeline.ts';
import { useBoardMoves } from './useBoardMoves.ts';
import { useCloseFromBoard } from './useCloseFromBoard.ts';
import { useLiveBoard } from './useLiveBoard.ts';

const CARDS_PER_STAGE = 50;

/** The board's filters as the URL holds them. */
function boardFiltersOf(params: URLSearchParams): BoardFilterValues {
  return {
    ownerId: params.get('owner') ?? '',
    teamId: params.get('team') ?? '',
    staleOnly: params.get('stale') === '1',
    search: params.get('q') ?? '',
  };
}

/** `/board` and `/board/:pipelineId`: the kanban of one pipeline, filtered by the URL's query. */
export function BoardPage() {
  const { t } = useTranslation();
  const { pipelineId } = useParams();
  const { viewer } = useViewer();
  const [{ data: pipelinesData, error: pipelinesError }] = useQuery({ query: BoardPipelinesQuery, requestPolicy: 'cache-and-network' });
  const pipelines = pipelinesData?.pipelines;

  if (!pipelineId) {
    if (pipelinesError && !pipelines) return <QueryError error={pipelinesError} />;
    if (!pipelines || !viewer) return <Loading what={t('board.loadingPipelines')} />;
    if (pipelines.length === 0) return <p className="empty">{t('board.noPipeline')}</p>;
    const remembered = rememberedPipeline(viewer.id);
    const target = pipelines.find((pipeline) => pipeline.id === remembered) ?? pipelines[0];
    return <Navigate to={pipelinePaths.board(target.id)} replace />;
  }
  return <PipelineBoard key={pipelineId} pipelineId={pipelineId} pipelines={pipelines ?? []} />;
}

interface PipelineBoardProps {
  pipelineId: string;
  pipelines: readonly { id: string; name: string; kind: OpportunityKind }[];
}

function PipelineBoard({ pipelineId, pipelines }: PipelineBoardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [params, setParams] = useQueryParams();
  const filters = boardFiltersOf(params);

  function changeFilters(patch: Partial<BoardFilterValues>) {
    setParams((latest) => {
      const next = { ...boardFiltersOf(latest), ...patch };
      const query = new URLSearchParams();
      if (next.ownerId) query.set('owner', next.ownerId);
      if (next.teamId) query.set('team', next.teamId);
      if (next.staleOnly) query.set('stale', '1');
      if (next.search) query.set('q', next.search);
      return query;
    }, { replace: true });
  }

  const filter = {
    ownerIds: filters.ownerId ? [filters.ownerId] : null,
    teamIds: filters.teamId ? [filters.teamId] : null,
    stale: filters.staleOnly ? true : null,
    search: filters.search || null,
  };
  // A first card must appear on a board whose cached answer held no opportunity at all.
  const context = useMemo(() => ({ additionalTypenames: ['Opportunity', 'Activity'] }), []);
  const [{ data, error, fetching, stale }, reexecute] = useQuery({
    query: BoardQuery,
    variables: { pipelineId, filter, cardsPerStage: CARDS_PER_STAGE },
    requestPolicy: 'cache-and-network',
    context,
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  // Live: what others create, move, change or close appears in place, with who did it.
  const live = useLiveBoard({
    pipelineId,
    filter,
    columns: data?.board?.columns,
    cardsPerStage: CARDS_PER_STAGE,
    viewerId: viewer?.id,
    refresh,
  });
  const { pending, saving, move, failure, dismissFailure } = useBoardMoves(live.columns, refresh);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedOpportunity | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [closeFailure, setCloseFailure] = useState<string | null>(null);
  const toastIds = useRef(0);
  const showToast = useCallback((next: Omit<ToastMessage, 'id'>) => setToast({ ...next, id: (toastIds.current += 1) }), []);
  const dismissToast = useCallback(() => setToast(null), []);
  const closing = useCloseFromBoard({ showToast, showFailure: setCloseFailure });

  useEffect(() => {
    if (viewer) rememberPipeline(viewer.id, pipelineId);
  }, [viewer, pipelineId]);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const board = data?.board;
  const columns = useMemo(() => applyMoves(live.columns, pending), [live.columns, pending]);
  const stages = useMemo(() => columns.map((column) => column.stage), [columns]);
  const cardsById = useMemo(() => {
    const map = new Map<string, { card: BoardCardFieldsFragment; stageId: string }>();
    for (const column of columns) for (const card of column.cards) map.set(card.id, { card, stageId: column.stage.id });
    return map;
  }, [columns]);

  const announcements = useDragAnnouncements(cardsById, stages);

  /** A card goes to another stage, or is won or lost; a saved move can be undone for a few seconds. */
  async function moveCard(card: BoardCardFieldsFragment, target: MoveTarget) {
    if (target.outcome) return closeCard(card, target.outcome);
    const from = cardsById.get(card.id)?.stageId;
    const fromStage = stages.find((stage) => stage.id === from);
    if (!(await move(card, target.stage.id, target.stage.name)) || !fromStage) return;
    showToast({
      text: t('board.move.movedToast', { id: card.humanId, stage: target.stage.name }),
      undo: () => void move(card, fromStage.id, fromStage.name),
    });
  }

  function closeCard(card: BoardCardFieldsFragment, outcome: Outcome) {
    setCloseFailure(null);
    if (outcome === 'WON') void closing.winCard(card);
    else closing.startLosing(card);
  }

  function handleDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    const entry = cardsById.get(String(active.id));
    if (!entry || !over || over.id === entry.stageId) return;
    const outcome = outcomeOf(over.id);
    const stage = stages.find((candidate) => candidate.id === over.id);
    if (outcome) void moveCard(entry.card, { outcome });
    else if (stage) void moveCard(entry.card, { stage });
  }

  const activeCard = activeId ? cardsById.get(activeId)?.card : undefined;
  const pipeline = board?.pipeline ?? pipelines.find((candidate) => candidate.id === pipelineId);
  const canCreate = viewer !== null && viewer.role !== 'SERVICE';
  const announcement = live.announcement;

  return (
    <section aria-labelledby="board-title" className="board-page">
      <div className="page-header">
        <div>
          <h1 id="board-title">{t('board.title')}</h1>
          {pipeline && <p className="muted board-page__subtitle">{pipeline.name}</p>}
        </div>
        <div className="page-header__actions">
          <label className="board-filters__field">
            <span>{t('opportunity.field.pipeline')}</span>
            <select
              className="input"
              value={pipelineId}
              onChange={(event) => navigate({ pathname: pipelinePaths.board(event.target.value), search: params.toString() })}
            >
              {!pipelines.some((candidate) => candidate.id === pipelineId) && <option value={pipelineId}>{pipeline?.name ?? '…'}</option>}
              {pipelines.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {t(`board.pipelineOption.${candidate.kind}`, { name: candidate.name })}
                </option>
              ))}
            </select>
          </label>
          {canCreate && pipeline && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('board.create.title')}
            </button>
          )}
        </div>
      </div>

      <BoardFilters key={pipelineId} values={filters} onChange={changeFilters} />

      {created && (
        <div className="banner banner--success" role="status">
          <p>
            {t('board.create.created')}{' '}
            <Link to={pipelinePaths.opportunity(created.id)}>
              {created.humanId} {created.title}
            </Link>{' '}
            {t('board.create.createdIn', { pipeline: created.pipeline.name })}{' '}
            {created.pipeline.id !== pipelineId && <Link to={pipelinePaths.board(created.pipeline.id)}>{t('board.create.openBoard')}</Link>}
          </p>
        </div>
      )}
      {(failure ?? closeFailure) && (
        <div className="banner banner--error banner--dismissable" role="alert" data-testid="move-error">
          <p>{failure ?? closeFailure}</p>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              dismissFailure();
              setCloseFailure(null);
            }}
          >
            {t('common.dismiss')}
          </button>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="board-announcement">
        {announcement &&
          (announcement.card
            ? `${changeText(t, announcement.text)}: ${announcement.card.humanId} ${announcement.card.title}`
            : changeText(t, announcement.text))}
      </p>
      {error && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('board.loading')} />}
      {data && !board && <p className="empty">{t('board.missing')}</p>}

      {board && (
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          onDragStart={({ active }: DragStartEvent) => setActiveId(String(active.id))}
          onDragEnd={handleDragEnd}
          onDragCancel={() => setActiveId(null)}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.drag.instructions') } }}
        >
          <div className="board" aria-busy={fetching || stale} data-testid="board">
            {columns.map((column) => (
              <BoardColumn
                key={column.stage.id}
                stage={column.stage}
                count={column.count}
                amount={column.amount}
                weightedAmount={column.weightedAmount}
                hasMoreCards={column.hasMoreCards}
                shownCards={column.cards.length}
              >
                {column.cards.map((card) => (
                  <BoardCard
                    key={card.id}
                    card={card}
                    stageId={column.stage.id}
                    stages={stages}
                    saving={saving.has(card.id)}
                    liveChange={live.highlights.get(card.id)?.label}
                    onMove={(target, moveTarget) => void moveCard(target, moveTarget)}
                  />
                ))}
                {live.ghosts
                  .filter((ghost) => ghost.stageId === column.stage.id)
                  .map((ghost) => (
                    <GhostCard key={`ghost-${ghost.card.id}`} card={ghost.card} label={ghost.label} />
                  ))}
              </BoardColumn>
            ))}
          </div>
          {activeCard && <OutcomeDropZones />}
          <DragOverlay dropAnimation={null}>
            {activeCard ? (
              <div className="board-card board-card--overlay">
                <CardBody card={activeCard} />
              </div>
            ) : null}
          </DragOverlay>
        </DndContext>
      )}

      {creating && pipeline && (
        <NewOpportunityDialog
          pipeline={pipeline}
          onClose={() => setCreating(false)}
          onCreated={(opportunity) => {
            setCreating(false);
            setCreated(opportunity);
          }}
        />
      )}
      <BoardCloseDialogs closing={closing} onConflict={refresh} />
      <UndoToast toast={toast} onDismiss={dismissToast} />
    </section>
  );
}
