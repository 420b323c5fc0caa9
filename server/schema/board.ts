import { builder } from '../builder.ts';
import type { Opportunity, Prisma, Stage } from '../generated/prisma/client.ts';
import { BOARD_CARD_ORDER, opportunityListWhere, stageTotals, type StageTotals } from '../domain/opportunity-queries.ts';
import { ZERO } from '../domain/money.ts';
import { decodeId } from './ids.ts';
import { OpportunityFilterInput, decodeOpportunityFilter } from './opportunity-filter.ts';
import { StageRef } from './stage.ts';
import { requireViewer } from './viewer.ts';

interface BoardShape {
  pipelineId: string;
  columns: BoardColumnShape[];
  /** Loads the cards of every column in one query, with the selection of the first column that asks. */
  loadCards: (query: { include?: Prisma.OpportunityInclude; select?: Prisma.OpportunitySelect }) => Promise<Map<string, Opportunity>>;
}

interface BoardColumnShape {
  stage: Stage;
  totals: StageTotals;
  cardIds: string[];
  hasMoreCards: boolean;
  board: BoardShape;
}

const BoardColumn = builder.objectRef<BoardColumnShape>('BoardColumn').implement({
  description: "A stage of the board with the totals of its open opportunities and the first page of its cards.",
  fields: (t) => ({
    stage: t.field({ type: StageRef, resolve: (column) => column.stage }),
    count: t.int({ description: 'Open opportunities in this stage (after filters).', resolve: (column) => column.totals.count }),
    amount: t.field({ type: 'Decimal', resolve: (column) => column.totals.amount }),
    weightedAmount: t.field({ type: 'Decimal', resolve: (column) => column.totals.weightedAmount }),
    hasMoreCards: t.boolean({
      description: 'More cards than returned: page on with `opportunities(filter: { stageIds: [...] })`.',
      resolve: (column) => column.hasMoreCards,
    }),
    cards: t.prismaField({
      type: ['Opportunity'],
      description: 'Open opportunities of the stage, closing first on top.',
      resolve: async (query, column) => {
        const cards = await column.board.loadCards(query);
        return column.cardIds.flatMap((id) => cards.get(id) ?? []);
      },
    }),
  }),
});

const Board = builder.objectRef<BoardShape>('Board').implement({
  fields: (t) => ({
    pipeline: t.prismaField({
      type: 'Pipeline',
      resolve: (query, board, _args, context) => context.prisma.pipeline.findUniqueOrThrow({ ...query, where: { id: board.pipelineId } }),
    }),
    columns: t.field({ type: [BoardColumn], resolve: (board) => board.columns }),
  }),
});

builder.queryField('board', (t) =>
  t.field({
    type: Board,
    nullable: true,
    authScopes: { sales: true },
    description: 'The kanban board of a pipeline: its stages in order with totals and cards of the open opportunities the viewer can read.',
    args: {
      pipelineId: t.arg.id({ required: true }),
      filter: t.arg({ type: OpportunityFilterInput }),
      cardsPerStage: t.arg.int({ defaultValue: 25, description: '1-100.' }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const pipelineId = decodeId(args.pipelineId, 'Pipeline', 'pipelineId');
      const stages = await context.prisma.stage.findMany({ where: { pipelineId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
      if (stages.length === 0 && !(await context.prisma.pipeline.findUnique({ where: { id: pipelineId } }))) return null;
      const perStage = Math.min(Math.max(args.cardsPerStage ?? 25, 1), 100);
      const where = opportunityListWhere(viewer, decodeOpportunityFilter(args.filter), {
        now: new Date(),
        staleAfterDays: await context.loaders.staleAfterDays.load('organisation'),
      });
      const boardWhere: Prisma.OpportunityWhereInput = { AND: [where, { pipelineId, status: 'OPEN' }] };
      const [totals, pages] = await Promise.all([
        stageTotals(context.prisma, boardWhere),
        Promise.all(
          stages.map((stage) =>
            context.prisma.opportunity.findMany({
              where: { AND: [boardWhere, { stageId: stage.id }] },
              orderBy: BOARD_CARD_ORDER,
              take: perStage + 1,
              select: { id: true },
            }),
          ),
        ),
      ]);
      const allIds = pages.flatMap((page) => page.slice(0, perStage).map((row) => row.id));
      let cards: Promise<Map<string, Opportunity>> | undefined;
      const board: BoardShape = {
        pipelineId,
        columns: [],
        loadCards: (query) =>
          (cards ??= context.prisma.opportunity
            .findMany({ ...query, where: { id: { in: allIds } } } as Prisma.OpportunityFindManyArgs)
            .then((rows) => new Map(rows.map((row) => [row.id, row as Opportunity])))),
      };
      board.columns = stages.map((stage, index) => ({
        stage,
        totals: totals.get(stage.id) ?? { count: 0, amount: ZERO, weightedAmount: ZERO },
        cardIds: pages[index].slice(0, perStage).map((row) => row.id),
        hasMoreCards: pages[index].length > perStage,
        board,
      }));
      return board;
    },
  }),
);
