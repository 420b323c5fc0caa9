import { queryFromInfo } from '@pothos/plugin-prisma';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { Opportunity, Pipeline, Prisma, Stage } from '../generated/prisma/client.ts';
import { BOARD_CARD_ORDER, opportunityListWhere, stageTotals, type StageTotals } from '../domain/opportunity-queries.ts';
import { ZERO } from '../domain/money.ts';
import { decodeId } from './ids.ts';
import { OpportunityFilterInput, decodeOpportunityFilter } from './opportunity-filter.ts';
import { PipelineRef } from './pipeline.ts';
import { StageRef } from './stage.ts';
import { requireViewer } from './viewer.ts';

type Card = Opportunity;

export interface BoardShape<C = Card> {
  pipeline: Pipeline;
  columns: BoardColumnShape<C>[];
}

export interface BoardColumnShape<C = Card> {
  stage: Stage;
  totals: StageTotals;
  cards: C[];
  hasMoreCards: boolean;
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
      // Loaded with the board, in the selection this field asks for (see `board` below).
      resolve: (_query, column) => column.cards,
    }),
  }),
});

const Board = builder.objectRef<BoardShape>('Board').implement({
  fields: (t) => ({
    pipeline: t.field({ type: PipelineRef, resolve: (board) => board.pipeline }),
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
    // Three statements whatever the stages and cards: the credential (before this), then at once
    // the pipeline with its stages and each stage's first cards in the client's selection (one
    // statement through Prisma's relation joins, a LIMIT per stage), and the totals per stage.
    // The stale rule is cached by the process. (`server/hot-paths/board.ts` answers the client's
    // board query from the same `loadBoard` without per-field resolution.)
    resolve: (_root, args, context, info) =>
      loadBoard(context, args, queryFromInfo({ context, info, typeName: 'Opportunity', path: ['columns', 'cards'] })),
  }),
);

export interface BoardArgs {
  pipelineId: string;
  filter?: Parameters<typeof decodeOpportunityFilter>[0];
  cardsPerStage?: number | null;
}

/** The board with each stage's first cards in `cardQuery`'s selection (Prisma `select` or `include`). */
export async function loadBoard<C = Card>(
  context: Context,
  args: BoardArgs,
  cardQuery: { select?: Prisma.OpportunitySelect; include?: Prisma.OpportunityInclude },
): Promise<BoardShape<C> | null> {
  const viewer = requireViewer(context);
  const pipelineId = decodeId(args.pipelineId, 'Pipeline', 'pipelineId');
  const perStage = Math.min(Math.max(args.cardsPerStage ?? 25, 1), 100);
  const where = opportunityListWhere(viewer, decodeOpportunityFilter(args.filter), {
    now: new Date(),
    staleAfterDays: await context.loaders.staleAfterDays.load('organisation'),
  });
  const openCards: Prisma.OpportunityWhereInput = { AND: [where, { pipelineId, status: 'OPEN' }] };
  const [pipeline, totals] = await Promise.all([
    context.prisma.pipeline.findUnique({
      where: { id: pipelineId },
      include: {
        stages: {
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
          include: { opportunities: { ...cardQuery, where: openCards, orderBy: BOARD_CARD_ORDER, take: perStage + 1 } },
        },
      },
    }),
    stageTotals(context.prisma, openCards),
  ]);
  if (!pipeline) return null;
  const { stages, ...pipelineRow } = pipeline;
  return {
    pipeline: pipelineRow,
    columns: stages.map(({ opportunities, ...stage }) => ({
      stage,
      totals: totals.get(stage.id) ?? { count: 0, amount: ZERO, weightedAmount: ZERO },
      cards: opportunities.slice(0, perStage) as unknown as C[],
      hasMoreCards: opportunities.length > perStage,
    })),
  };
}
