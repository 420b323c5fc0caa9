import { useDraggable } from '@dnd-kit/core';
import { Link } from 'react-router';
import { activityTypeLabel, formatDue } from '../../components/opportunity/activity-format.ts';
import { formatEur } from '../../components/opportunity/money.ts';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { StaleBadge } from '../../components/opportunity/StaleBadge.tsx';
import type { BoardCardFieldsFragment } from '../../gql/graphql.ts';
import { formatDate } from '../../lib/format.ts';

export interface StageChoice {
  id: string;
  name: string;
}

interface Props {
  card: BoardCardFieldsFragment;
  stageId: string;
  stages: readonly StageChoice[];
  saving: boolean;
  /** What someone else just did to this card ("Moved to Angebot by Anna Berg"), while highlighted. */
  liveChange?: string;
  onMove(card: BoardCardFieldsFragment, stage: StageChoice): void;
}

/**
 * A draggable opportunity. The mouse drags the whole card; the keyboard uses the handle (Space
 * picks it up, arrows move between columns, Space drops, Escape cancels). "Move to" does the same
 * with a plain select.
 */
export function BoardCard({ card, stageId, stages, saving, liveChange, onMove }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { stageId },
    disabled: !card.viewerCanEdit,
  });
  return (
    <article
      ref={setNodeRef}
      className={`board-card${isDragging ? ' board-card--dragging' : ''}${saving ? ' board-card--saving' : ''}${liveChange ? ' board-card--live' : ''}`}
      data-testid="board-card"
      data-opportunity={card.humanId}
      aria-labelledby={`card-title-${card.id}`}
      aria-busy={saving || undefined}
      {...listeners}
    >
      {liveChange && (
        <p className="board-card__live" data-testid="card-live-change">
          {liveChange}
        </p>
      )}
      <div className="board-card__top">
        {card.viewerCanEdit && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="board-card__handle"
            aria-label={`Drag ${card.humanId} ${card.title}`}
            {...attributes}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <CardBody card={card} titleId={`card-title-${card.id}`} />
      </div>
      {card.viewerCanEdit && (
        <div className="board-card__move">
          <select
            className="board-card__move-select"
            aria-label={`Move ${card.humanId} to stage`}
            value=""
            onPointerDown={(event) => event.stopPropagation()}
            onMouseDown={(event) => event.stopPropagation()}
            onKeyDown={(event) => event.stopPropagation()}
            onChange={(event) => {
              const stage = stages.find((candidate) => candidate.id === event.target.value);
              if (stage) onMove(card, stage);
            }}
          >
            <option value="" disabled>
              Move to…
            </option>
            {stages
              .filter((stage) => stage.id !== stageId)
              .map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
          </select>
        </div>
      )}
    </article>
  );
}

/** A card that someone else just took off the board (won, lost, deleted, moved away), fading out. */
export function GhostCard({ card, label }: { card: BoardCardFieldsFragment; label: string }) {
  return (
    <article className="board-card board-card--leaving" data-testid="board-card-leaving" data-opportunity={card.humanId} aria-hidden="true">
      <p className="board-card__live">{label}</p>
      <CardBody card={card} />
    </article>
  );
}

/** The card's content; also what the drag overlay shows under the pointer. */
export function CardBody({ card, titleId }: { card: BoardCardFieldsFragment; titleId?: string }) {
  const next = card.nextOpenActivity;
  return (
    <div className="board-card__body">
      <div className="board-card__meta">
        <span className="board-card__id">{card.humanId}</span>
        {card.isStale && <StaleBadge days={card.daysWithoutActivity} />}
      </div>
      <h3 className="board-card__title" id={titleId}>
        <Link to={pipelinePaths.opportunity(card.id)} draggable={false}>
          {card.title}
        </Link>
      </h3>
      <p className="board-card__account">
        {card.account.name}
        {card.contact && <span className="muted"> · {card.contact.fullName}</span>}
      </p>
      <dl className="board-card__facts">
        <div>
          <dt className="visually-hidden">Amount</dt>
          <dd className="board-card__amount">{formatEur(card.amount)}</dd>
        </div>
        <div>
          <dt className="visually-hidden">Probability</dt>
          <dd data-testid="card-probability">{card.probability} %</dd>
        </div>
        <div>
          <dt className="visually-hidden">Expected close</dt>
          <dd title="Expected close date">{formatDate(card.expectedCloseDate)}</dd>
        </div>
        <div>
          <dt className="visually-hidden">Owner</dt>
          <dd className="muted">{card.owner.name}</dd>
        </div>
      </dl>
      {next ? (
        <p className={`board-card__next${next.status === 'OVERDUE' ? ' board-card__next--overdue' : ''}`}>
          <span className="muted">Next: </span>
          {activityTypeLabel(next.type)} · {next.subject}
          {next.dueAt && <span> · {next.status === 'OVERDUE' ? 'overdue since ' : ''}{formatDue(next.dueAt)}</span>}
        </p>
      ) : (
        <p className="board-card__next board-card__next--none">No open activity</p>
      )}
    </div>
  );
}
