import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { outcomeOf } from './OutcomeDropZones.tsx';

/**
 * Keyboard dragging across columns: ArrowRight / ArrowLeft jump the picked-up card to the middle
 * of the next / previous column (dnd-kit's default moves 25 px per key press, which would take a
 * dozen presses per column). Up and down are not needed: a column keeps its own order.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;

  const columns = droppableContainers
    .getEnabled()
    // The Won/Lost zones are for the pointer; keyboard users close through the card's "Move to".
    .filter((container) => !outcomeOf(container.id))
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      return rect ? [{ id: container.id, rect }] : [];
    })
    .sort((a, b) => a.rect.left - b.rect.left);
  if (columns.length === 0) return undefined;

  const centre = collisionRect.left + collisionRect.width / 2;
  let index = over ? columns.findIndex((column) => column.id === over.id) : -1;
  if (index === -1) index = columns.findIndex((column) => centre >= column.rect.left && centre <= column.rect.left + column.rect.width);
  const target = columns[index === -1 ? 0 : index + (event.code === 'ArrowRight' ? 1 : -1)];
  if (!target) return currentCoordinates;

  return {
    x: target.rect.left + (target.rect.width - collisionRect.width) / 2,
    y: Math.max(currentCoordinates.y, target.rect.top),
  };
};
