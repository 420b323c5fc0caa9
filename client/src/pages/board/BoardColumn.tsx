import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { formatEur } from '../../components/opportunity/money.ts';

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
          <span className="count" data-testid="column-count" aria-label={`${count} opportunities`}>
            {count}
          </span>
        </h2>
        <p className="board-column__probability">{stage.probability} %</p>
        <dl className="board-column__totals">
          <div>
            <dt>Amount</dt>
            <dd data-testid="column-amount">{formatEur(amount)}</dd>
          </div>
          <div>
            <dt>Weighted</dt>
            <dd data-testid="column-weighted">{formatEur(weightedAmount)}</dd>
          </div>
        </dl>
      </header>
      <div className="board-column__cards">
        {children}
        {count === 0 && <p className="board-column__empty">No opportunities</p>}
        {hasMoreCards && (
          <p className="board-column__more muted">
            Showing {shownCards} of {count}: narrow the filters to see the others.
          </p>
        )}
      </div>
    </section>
  );
}
