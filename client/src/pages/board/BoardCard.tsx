import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { StaleBadge } from '../../components/opportunity/StaleBadge.tsx';
import type { BoardCardFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { changeText, type ChangeText } from './board-live.ts';
import type { Outcome } from './OutcomeDropZones.tsx';

export interface StageChoice {
  id: string;
  name: string;
}

/** Where a card is sent: another stage, or closed as won or lost. */
export type MoveTarget = { stage: StageChoice; outcome?: undefined } | { outcome: Outcome; stage?: undefined };

const OUTCOME_OPTION = 'outcome:';

interface Props {
  card: BoardCardFieldsFragment;
  stageId: string;
  stages: readonly StageChoice[];
  saving: boolean;
  /** What someone else just did to this card ("Moved to Angebot by Anna Berg"), while highlighted. */
  liveChange?: ChangeText;
  onMove(card: BoardCardFieldsFragment, target: MoveTarget): void;
}

/**
 * A draggable opportunity. The mouse drags the whole card; the keyboard uses the handle (Space
 * picks it up, arrows move between columns, Space drops, Escape cancels). "Move to" does the same
 * with a plain select, which also offers to close it as won or lost.
 */
export function BoardCard({ card, stageId, stages, saving, liveChange, onMove }: Props) {
  const { t } = useTranslation();
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
          {changeText(t, liveChange)}
        </p>
      )}
      <div className="board-card__top">
        {card.viewerCanEdit && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="board-card__handle"
            aria-label={t('board.card.drag', { id: card.humanId, title: card.title })}
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
            aria-label={t('board.card.moveTo', { id: card.humanId })}
            value=""
            onPointerDown={(event) => event.stopPropagation()}
            onMouseDown={(event) => event.stopPropagation()}
            onKeyDown={(event) => event.stopPropagation()}
            onChange={(event) => {
              const value = event.target.value;
              if (value === `${OUTCOME_OPTION}WON` || value === `${OUTCOME_OPTION}LOST`) {
                onMove(card, { outcome: value.slice(OUTCOME_OPTION.length) as Outcome });
                return;
              }
              const stage = stages.find((candidate) => candidate.id === value);
              if (stage) onMove(card, { stage });
            }}
          >
            <option value="" disabled>
              {t('board.card.movePlaceholder')}
            </option>
            {stages
              .filter((stage) => stage.id !== stageId)
              .map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
            <optgroup label={t('board.card.close')}>
              <option value={`${OUTCOME_OPTION}WON`}>{t('opportunity.status.WON')}</option>
              <option value={`${OUTCOME_OPTION}LOST`}>{t('opportunity.status.LOST')}</option>
            </optgroup>
          </select>
        </div>
      )}
    </article>
  );
}

/** A card that someone else just took off the board (won, lost, deleted, moved away), fading out. */
export function GhostCard({ card, label }: { card: BoardCardFieldsFragment; label: ChangeText }) {
  const { t } = useTranslation();
  return (
    <article className="board-card board-card--leaving" data-testid="board-card-leaving" data-opportunity={card.humanId} aria-hidden="true">
      <p className="board-card__live">{changeText(t, label)}</p>
      <CardBody card={card} />
    </article>
  );
}

/** The card's content; also what the drag overlay shows under the pointer. */
export function CardBody({ card, titleId }: { card: BoardCardFieldsFragment; titleId?: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
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
        {card.account?.name ?? t('common.restrictedAccount')}
        {card.contact && <span className="muted"> · {card.contact.fullName}</span>}
      </p>
      <dl className="board-card__facts">
        <div>
          <dt className="visually-hidden">{t('opportunity.field.amount')}</dt>
          <dd className="board-card__amount" data-testid="card-amount">
            {formats.money(card.amount)}
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('opportunity.field.probability')}</dt>
          <dd data-testid="card-probability">{formats.percent(card.probability)}</dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('opportunity.field.expectedClose')}</dt>
          <dd title={t('opportunity.field.expectedClose')}>{formats.day(card.expectedCloseDate)}</dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('opportunity.field.owner')}</dt>
          <dd className="muted">{card.owner.name}</dd>
        </div>
      </dl>
      {next ? (
        <p className={`board-card__next${next.status === 'OVERDUE' ? ' board-card__next--overdue' : ''}`}>
          <span className="muted">{t('board.card.next')} </span>
          {t(`activities.type.${next.type}`)} · {next.subject}
          {next.dueAt && (
            <span> · {next.status === 'OVERDUE' ? t('activities.overdueSince', { when: formats.due(next.dueAt) }) : formats.due(next.dueAt)}</span>
          )}
        </p>
      ) : (
        <p className="board-card__next board-card__next--none">{t('board.card.noActivity')}</p>
      )}
    </div>
  );
}
