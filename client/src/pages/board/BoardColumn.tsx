import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../../i18n/LocaleProvider.tsx';

interface Props {
  stage: { id: string; name: string; probability: number };
  count: number;
  amount: string;
  weightedAmount: string;
  hasMoreCards: boolean;
  shownCards: number;
  children: ReactNode;
}

/** One stage: its totals on top, then its cards. A drop target for dragged cards. */
export function BoardColumn({ stage, count, amount, weightedAmount, hasMoreCards, shownCards, children }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stageName: stage.name } });
  const headingId = `stage-${stage.id}`;
  return (
    <section
      ref={setNodeRef}
      className={`board-column${isOver ? ' board-column--over' : ''}`}
      aria-labelledby={headingId}
      data-testid="board-column"
      data-stage={stage.name}
    >
      <header className="board-column__header">
        <h2 id={headingId} className="board-column__title">
          {stage.name}
          <span className="count" data-testid="column-count" aria-label={t('board.column.count', { count })}>
            {count}
          </span>
        </h2>
        <p className="board-column__probability">{formats.percent(stage.probability)}</p>
        <dl className="board-column__totals">
          <div>
            <dt>{t('opportunity.field.amount')}</dt>
            <dd data-testid="column-amount">{formats.money(amount)}</dd>
          </div>
          <div>
            <dt>{t('opportunity.summary.weighted')}</dt>
            <dd data-testid="column-weighted">{formats.money(weightedAmount)}</dd>
          </div>
        </dl>
      </header>
      <div className="board-column__cards">
        {children}
        {count === 0 && <p className="board-column__empty">{t('board.column.empty')}</p>}
        {hasMoreCards && (
          <p className="board-column__more muted">
            {t('board.column.more', { shown: shownCards, count })}
          </p>
        )}
      </div>
    </section>
  );
}
