import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import type { BoardCardFieldsFragment } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { columnKeyboardCoordinates } from './board-keyboard.ts';
import { applyMoves } from './board-moves.ts';
import { BoardPipelinesQuery, BoardQuery } from './board-queries.ts';
import { BoardCard, CardBody, GhostCard, type StageChoice } from './BoardCard.tsx';
import { BoardColumn } from './BoardColumn.tsx';
import { BoardFilters, type BoardFilterValues } from './BoardFilters.tsx';
import { NewOpportunityDialog, type CreatedOpportunity } from './NewOpportunityDialog.tsx';
import { useBoardMoves } from './useBoardMoves.ts';
import { useLiveBoard } from './useLiveBoard.ts';

const CARDS_PER_STAGE = 50;

// Pointer drags only in the air (keyboard drops only where the card is): over a column, else the
// column the card overlaps most.
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};

const screenReaderInstructions = {
  draggable:
    'To move this opportunity to another stage, press Space or Enter, use the left and right arrow keys to choose the stage, then press Space or Enter to drop it, or Escape to cancel.',
};

/** `/board` and `/board/:pipelineId`: the kanban of one pipeline, filtered by the URL's query. */
export function BoardPage() {
  const { pipelineId } = useParams();
  const [{ data: pipelinesData, error: pipelinesError }] = useQuery({ query: BoardPipelinesQuery, requestPolicy: 'cache-and-network' });
  const pipelines = pipelinesData?.pipelines;

  if (!pipelineId) {
    if (pipelinesError && !pipelines) return <QueryError error={pipelinesError} />;
    if (!pipelines) return <Loading what="the pipelines" />;
    if (pipelines.length === 0) return <p className="empty">There is no pipeline yet: an administrator must create one.</p>;
    return <Navigate to={pipelinePaths.board(pipelines[0].id)} replace />;
  }
  return <PipelineBoard key={pipelineId} pipelineId={pipelineId} pipelines={pipelines ?? []} />;
}

interface PipelineBoardProps {
  pipelineId: string;
  pipelines: readonly { id: string; name: string; kind: string }[];
}

function PipelineBoard({ pipelineId, pipelines }: PipelineBoardProps) {
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const filters: BoardFilterValues = {
    ownerId: params.get('owner') ?? '',
    teamId: params.get('team') ?? '',
    staleOnly: params.get('stale') === '1',
    search: params.get('q') ?? '',
  };

  function changeFilters(patch: Partial<BoardFilterValues>) {
    const next = { ...filters, ...patch };
    const query: Record<string, string> = {};
    if (next.ownerId) query.owner = next.ownerId;
    if (next.teamId) query.team = next.teamId;
    if (next.staleOnly) query.stale = '1';
    if (next.search) query.q = next.search;
    setParams(query, { replace: true });
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

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const board = data?.board;
  const columns = useMemo(() => applyMoves(live.columns, pending), [live.columns, pending]);
  const stages: StageChoice[] = useMemo(() => columns.map((column) => column.stage), [columns]);
  const cardsById = useMemo(() => {
    const map = new Map<string, { card: BoardCardFieldsFragment; stageId: string }>();
    for (const column of columns) for (const card of column.cards) map.set(card.id, { card, stageId: column.stage.id });
    return map;
  }, [columns]);

  const announcements: Announcements = useMemo(() => {
    const cardName = (id: string | number) => cardsById.get(String(id))?.card.humanId ?? 'The opportunity';
    const stageName = (id: string | number | undefined) => stages.find((stage) => stage.id === id)?.name;
    return {
      onDragStart: ({ active }) => `Picked up ${cardName(active.id)} in ${stageName(cardsById.get(String(active.id))?.stageId)}.`,
      onDragOver: ({ active, over }) => (over ? `${cardName(active.id)} is over ${stageName(over.id)}.` : `${cardName(active.id)} is over no stage.`),
      onDragEnd: ({ active, over }) => (over ? `${cardName(active.id)} was dropped on ${stageName(over.id)}.` : `${cardName(active.id)} was dropped.`),
      onDragCancel: ({ active }) => `Moving ${cardName(active.id)} was cancelled.`,
    };
  }, [cardsById, stages]);

  function handleDragStart({ active }: DragStartEvent) {
    setActiveId(String(active.id));
  }

  function handleDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    const entry = cardsById.get(String(active.id));
    if (!entry || !over || over.id === entry.stageId) return;
    const stage = stages.find((candidate) => candidate.id === over.id);
    if (stage) void move(entry.card, stage.id, stage.name);
  }

  const activeCard = activeId ? cardsById.get(activeId)?.card : undefined;
  const pipelineName = board?.pipeline.name ?? pipelines.find((pipeline) => pipeline.id === pipelineId)?.name;
  const canCreate = viewer !== null && viewer.role !== 'SERVICE';

  return (
    <section aria-labelledby="board-title" className="board-page">
      <div className="page-header">
        <div>
          <h1 id="board-title">Board</h1>
          {pipelineName && <p className="muted board-page__subtitle">{pipelineName}</p>}
        </div>
        <div className="page-header__actions">
          <label className="board-filters__field">
            <span>Pipeline</span>
            <select
              className="input"
              value={pipelineId}
              onChange={(event) => navigate({ pathname: pipelinePaths.board(event.target.value), search: params.toString() })}
            >
              {!pipelines.some((pipeline) => pipeline.id === pipelineId) && <option value={pipelineId}>{pipelineName ?? '…'}</option>}
              {pipelines.map((pipeline) => (
                <option key={pipeline.id} value={pipeline.id}>
                  {pipeline.name} ({pipeline.kind === 'LEAD' ? 'leads' : 'deals'})
                </option>
              ))}
            </select>
          </label>
          {canCreate && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              New opportunity
            </button>
          )}
        </div>
      </div>

      <BoardFilters key={pipelineId} values={filters} onChange={changeFilters} />

      {created && (
        <div className="banner banner--success" role="status">
          <p>
            Created{' '}
            <Link to={pipelinePaths.opportunity(created.id)}>
              {created.humanId} {created.title}
            </Link>{' '}
            in {created.pipeline.name}.{' '}
            {created.pipeline.id !== pipelineId && <Link to={pipelinePaths.board(created.pipeline.id)}>Open that board</Link>}
          </p>
        </div>
      )}
      {failure && (
        <div className="banner banner--error banner--dismissable" role="alert" data-testid="move-error">
          <p>{failure}</p>
          <button type="button" className="button button--ghost" onClick={dismissFailure}>
            Dismiss
          </button>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="board-announcement">
        {live.announcement}
      </p>
      {error && <QueryError error={error} />}
      {!data && fetching && <Loading what="the board" />}
      {data && !board && <p className="empty">This pipeline does not exist (any more).</p>}

      {board && (
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          onDragStart={handleDragStart}
          onDragEnd={handleDragEnd}
          onDragCancel={() => setActiveId(null)}
          accessibility={{ announcements, screenReaderInstructions }}
        >
          <div className="board" aria-busy={fetching || stale}>
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
                    onMove={(target, stage) => void move(target, stage.id, stage.name)}
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
          <DragOverlay dropAnimation={null}>
            {activeCard ? (
              <div className="board-card board-card--overlay">
                <CardBody card={activeCard} />
              </div>
            ) : null}
          </DragOverlay>
        </DndContext>
      )}

      {creating && (
        <NewOpportunityDialog
          onClose={() => setCreating(false)}
          onCreated={(opportunity) => {
            setCreating(false);
            setCreated(opportunity);
          }}
        />
      )}
    </section>
  );
}
