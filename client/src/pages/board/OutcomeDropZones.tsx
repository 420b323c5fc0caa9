import { useDroppable, type UniqueIdentifier } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';

export type Outcome = 'WON' | 'LOST';

const PREFIX = 'outcome:';
const OUTCOMES: readonly Outcome[] = ['WON', 'LOST'];

/** The outcome a drop target stands for, or null for a stage's column. */
export function outcomeOf(id: UniqueIdentifier | undefined): Outcome | null {
  const text = String(id ?? '');
  if (!text.startsWith(PREFIX)) return null;
  const outcome = text.slice(PREFIX.length);
  return OUTCOMES.includes(outcome as Outcome) ? (outcome as Outcome) : null;
}

/** "Won" and "Lost" at the bottom of the screen while a card is dragged: dropping there closes it. */
export function OutcomeDropZones() {
  return (
    <div className="outcome-zones" data-testid="outcome-zones">
      {OUTCOMES.map((outcome) => (
        <OutcomeZone key={outcome} outcome={outcome} />
      ))}
    </div>
  );
}

function OutcomeZone({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `${PREFIX}${outcome}` });
  return (
    <div
      ref={setNodeRef}
      className={`outcome-zone outcome-zone--${outcome.toLowerCase()}${isOver ? ' outcome-zone--over' : ''}`}
      data-testid={`drop-${outcome.toLowerCase()}`}
    >
      {t(`board.outcome.${outcome}`)}
    </div>
  );
}
