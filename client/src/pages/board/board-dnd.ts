import { pointerWithin, rectIntersection, type Announcements, type CollisionDetection } from '@dnd-kit/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { outcomeOf } from './OutcomeDropZones.tsx';

// Pointer drags only in the air (keyboard drops only where the card is): over a Won/Lost zone
// (they lie on top of the columns), else over a column, else the column the card overlaps most.
export const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  const outcome = within.filter((collision) => outcomeOf(collision.id));
  if (outcome.length > 0) return outcome;
  return within.length > 0 ? within : rectIntersection(args).filter((collision) => !outcomeOf(collision.id));
};

/** What screen readers hear while a card is dragged, in the user's language. */
export function useDragAnnouncements(
  cardsById: ReadonlyMap<string, { card: { humanId: string }; stageId: string }>,
  stages: readonly { id: string; name: string }[],
): Announcements {
  const { t } = useTranslation();
  return useMemo(() => {
    const cardName = (id: string | number) => cardsById.get(String(id))?.card.humanId ?? t('board.drag.theOpportunity');
    const targetName = (id: string | number | undefined) => {
      const outcome = outcomeOf(id);
      return outcome ? t(`board.outcome.${outcome}`) : stages.find((stage) => stage.id === id)?.name;
    };
    return {
      onDragStart: ({ active }) => t('board.drag.start', { card: cardName(active.id), stage: targetName(cardsById.get(String(active.id))?.stageId) }),
      onDragOver: ({ active, over }) =>
        over ? t('board.drag.over', { card: cardName(active.id), stage: targetName(over.id) }) : t('board.drag.overNothing', { card: cardName(active.id) }),
      onDragEnd: ({ active, over }) =>
        over ? t('board.drag.end', { card: cardName(active.id), stage: targetName(over.id) }) : t('board.drag.endNowhere', { card: cardName(active.id) }),
      onDragCancel: ({ active }) => t('board.drag.cancel', { card: cardName(active.id) }),
    };
  }, [cardsById, stages, t]);
}
