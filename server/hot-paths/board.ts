import type { GraphQLSchema } from 'graphql';
import { loadBoard, type BoardArgs, type BoardColumnShape, type BoardShape } from '../schema/board.ts';
import { field, opportunitySelect, readable, scalars, type OpportunityRow, type Shaping } from './opportunity-fields.ts';
import type { HotRoot } from './plugin.ts';
import { subPlans, type ShapeTypes } from './shape.ts';

/** `board`: the same `loadBoard` as the schema's resolver, with the hot path's card columns. */
export const boardRoot: HotRoot = {
  typeName: 'Board',
  types: boardTypes,
  async answer(plan, args, { context, shaping, shape }) {
    const cards = subPlans(subPlans([plan], 'columns'), 'cards');
    const board = await loadBoard<OpportunityRow>(context, args as unknown as BoardArgs, { select: opportunitySelect(cards, shaping) });
    return board && shape(plan, board);
  },
};

function boardTypes(schema: GraphQLSchema): ShapeTypes<Shaping> {
  const { decimal } = scalars(schema);
  type Column = BoardColumnShape<OpportunityRow>;
  return {
    Board: {
      pipeline: field<BoardShape<OpportunityRow>>((board) => board.pipeline, { type: 'Pipeline' }),
      columns: field<BoardShape<OpportunityRow>>((board) => board.columns, { type: 'BoardColumn' }),
    },
    BoardColumn: {
      stage: field<Column>((boardColumn) => boardColumn.stage, { type: 'Stage' }),
      count: field<Column>((boardColumn) => boardColumn.totals.count),
      amount: field<Column>((boardColumn) => decimal(boardColumn.totals.amount)),
      weightedAmount: field<Column>((boardColumn) => decimal(boardColumn.totals.weightedAmount)),
      hasMoreCards: field<Column>((boardColumn) => boardColumn.hasMoreCards),
      cards: field<Column>((boardColumn, shaping) => readable(boardColumn.cards, shaping), { type: 'Opportunity' }),
    },
  };
}
