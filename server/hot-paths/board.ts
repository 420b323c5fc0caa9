import type { GraphQLSchema } from 'graphql';
import { loadBoard, type BoardArgs, type BoardColumnShape, type BoardShape } from '../schema/board.ts';
import { field, opportunitySelect, readable, scalars, type OpportunityRow, type Shaping } from './opportunity-fields.ts';
import { askedFields, fieldNodes, type HotRoot } from './plugin.ts';
import type { ShapeTypes } from './shape.ts';

/** `board`: the same `loadBoard` as the schema's resolver, with the hot path's card columns. */
export const boardRoot: HotRoot = {
  typeName: 'Board',
  types: boardTypes,
  async answer(nodes, args, { context, viewer, selection, shape }) {
    const cardNodes = fieldNodes(fieldNodes(nodes, 'Board', 'columns', selection), 'BoardColumn', 'cards', selection);
    const board = await loadBoard<OpportunityRow>(context, args as unknown as BoardArgs, { select: opportunitySelect(viewer, askedFields(cardNodes, selection)) });
    return board && shape('Board', board, nodes);
  },
};

function boardTypes(schema: GraphQLSchema): ShapeTypes<Shaping> {
  const { decimal } = scalars(schema);
  type Column = BoardColumnShape<OpportunityRow>;
  return {
    Board: {
      pipeline: field<BoardShape<OpportunityRow>>((board) => board.pipeline, 'Pipeline'),
      columns: field<BoardShape<OpportunityRow>>((board) => board.columns, 'BoardColumn'),
    },
    BoardColumn: {
      stage: field<Column>((boardColumn) => boardColumn.stage, 'Stage'),
      count: field<Column>((boardColumn) => boardColumn.totals.count),
      amount: field<Column>((boardColumn) => decimal(boardColumn.totals.amount)),
      weightedAmount: field<Column>((boardColumn) => decimal(boardColumn.totals.weightedAmount)),
      hasMoreCards: field<Column>((boardColumn) => boardColumn.hasMoreCards),
      cards: field<Column>((boardColumn, shaping) => readable(boardColumn.cards, shaping), 'Opportunity'),
    },
  };
}
