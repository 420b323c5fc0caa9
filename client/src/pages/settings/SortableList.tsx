import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<Item extends { id: string }> {
  items: readonly Item[];
  /** The list's accessible name, e.g. "Stages of Leads". */
  label: string;
  /** How an entry is named in the drag handle and in what screen readers hear. */
  nameOf(item: Item): string;
  /** Saves the new order (every id once); false when it was refused, so the old order returns. */
  onReorder?(ids: string[]): Promise<boolean>;
  /** One entry's content; `handle` is its drag handle (absent when the list cannot be reordered). */
  children(item: Item, handle: ReactNode): ReactNode;
  testId?: string;
}

/**
 * A list whose order is changed by dragging an entry's handle, with the mouse, by touch or with
 * the keyboard (Space picks an entry up, the arrow keys move it, Space drops it, Escape cancels),
 * announced to screen readers in the user's language. The new order shows at once and stays
 * until the server's list arrives; a refused order falls back.
 */
export function SortableList<Item extends { id: string }>({ items, label, nameOf, onReorder, children, testId }: Props<Item>) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<string[] | null>(null);
  const serverOrder = items.map((item) => item.id).join(' ');
  // The server's list (after the save, or changed by someone else) replaces the shown order.
  useEffect(() => setPending(null), [serverOrder]);

  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const shown = pending ? pending.map((id) => byId.get(id)).filter((item): item is Item => item !== undefined) : items;
  const ids = shown.map((item) => item.id);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const announcements = useMemo<Announcements>(() => {
    const name = (id: string | number) => {
      const item = byId.get(String(id));
      return item ? nameOf(item) : '';
    };
    const position = (id: string | number | undefined) => ids.indexOf(String(id)) + 1;
    const count = ids.length;
    return {
      onDragStart: ({ active }) => t('settings.sortable.picked', { name: name(active.id), position: position(active.id), count }),
      onDragOver: ({ active, over }) =>
        over ? t('settings.sortable.over', { name: name(active.id), position: position(over.id), count }) : undefined,
      onDragEnd: ({ active, over }) =>
        over ? t('settings.sortable.dropped', { name: name(active.id), position: position(over.id), count }) : t('settings.sortable.cancelled', { name: name(active.id) }),
      onDragCancel: ({ active }) => t('settings.sortable.cancelled', { name: name(active.id) }),
    };
  }, [byId, ids, nameOf, t]);

  async function handleDragEnd({ active, over }: DragEndEvent) {
    if (!onReorder || !over || active.id === over.id) return;
    const next = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    setPending(next);
    if (!(await onReorder(next))) setPending(null);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={handleDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('settings.sortable.instructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={!onReorder}>
        <ol className="sortable-list" aria-label={label} data-testid={testId}>
          {shown.map((item) => (
            <SortableEntry key={item.id} id={item.id} name={nameOf(item)} sortable={onReorder !== undefined}>
              {(handle) => children(item, handle)}
            </SortableEntry>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

interface EntryProps {
  id: string;
  name: string;
  sortable: boolean;
  children(handle: ReactNode): ReactNode;
}

function SortableEntry({ id, name, sortable, children }: EntryProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = sortable ? (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="sortable-list__handle"
      {...attributes}
      {...listeners}
      aria-label={t('settings.sortable.handle', { name })}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  ) : null;
  return (
    <li
      ref={setNodeRef}
      className={`sortable-list__entry${isDragging ? ' sortable-list__entry--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-entry={name}
    >
      {children(handle)}
    </li>
  );
}
