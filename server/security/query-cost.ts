import { Kind, getNamedType, getNullableType, isListType, isLeafType, visit, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { FORECAST_MONTHS } from '../domain/kpis/forecast-figures.ts';
import { MAX_PERIOD_MONTHS } from '../domain/kpis/kpi-query.ts';
import { MAX_STAGES } from '../domain/pipelines.ts';

/**
 * An operation's cost is an upper bound of the work it asks for: every field costs 1, and a list
 * or connection multiplies what is selected inside it by the number of items it can return.
 * Connections count their page size (`first`/`last`, else the default page size); lists without
 * a size argument count the most they can hold, or a typical size where nothing bounds them; a
 * board's cards count every stage times `cardsPerStage`.
 */
export const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_LIST_SIZE = 10;

/** Lists whose size a rule bounds, or whose typical size is known, by `Type.field`. */
const LIST_SIZES: Record<string, number> = {
  'Board.columns': MAX_STAGES,
  'Pipeline.stages': MAX_STAGES,
  'Pipeline.activityPlan': 50,
  'Opportunity.lines': 200,
  'OpportunityEvent.changes': 30,
  'Team.members': 50,
  'Query.users': 100,
  'Query.teams': 20,
  'Query.pipelines': 20,
  'Query.apiTokens': 20,
  'ValidationError.fieldErrors': 20,
  // Key figures: monthly lists span at most MAX_PERIOD_MONTHS, forecasts 12 months ahead.
  'KpiRevenue.byMonth': MAX_PERIOD_MONTHS,
  'KpiCashflow.byMonth': MAX_PERIOD_MONTHS,
  'KpiLeads.intake': MAX_PERIOD_MONTHS,
  'KpiDeals.intake': MAX_PERIOD_MONTHS,
  'KpiOrders.intake': MAX_PERIOD_MONTHS,
  'KpiForecast.byCloseMonth': MAX_PERIOD_MONTHS,
  'KpiSalespersonFigure.buckets': MAX_PERIOD_MONTHS,
  'KpiForecast.byMonth': FORECAST_MONTHS,
  'KpiMyDeals.forecastByMonth': FORECAST_MONTHS,
  'KpiDeals.byStage': 5 * MAX_STAGES,
  'KpiForecast.byStage': 5 * MAX_STAGES,
  'KpiForecast.funnel': 5 * MAX_STAGES,
  'KpiForecast.bySalesperson': 100,
  'KpiTeam.byUser': 100,
  'KpiTeam.byTeam': 20,
  'KpiRevenue.byPipeline': 20,
};

/** The board's columns hold up to `cardsPerStage` cards (default 25, at most 100). */
const BOARD_CARDS_PER_STAGE = { default: 25, max: 100 };

const pageSize = (args: Record<string, unknown>) => {
  const requested = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
  return Number.isFinite(requested) ? Math.min(Math.max(requested, 0), 1000) : DEFAULT_PAGE_SIZE;
};

const cardsPerStage = (value: unknown) =>
  Math.min(Math.max(Number(value ?? BOARD_CARDS_PER_STAGE.default) || BOARD_CARDS_PER_STAGE.default, 1), BOARD_CARDS_PER_STAGE.max);

/**
 * A column's cards are counted with the largest `cardsPerStage` any board of the operation asks
 * for: the estimator of `BoardColumn.cards` cannot see its board's arguments.
 */
function largestCardsPerStage(document: DocumentNode, variables: Record<string, unknown>): number {
  let largest = 0;
  const valueOf = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    return node.kind === Kind.INT ? Number(node.value) : undefined;
  };
  visit(document, {
    Field(node) {
      if (node.name.value !== 'board') return;
      const argument = node.arguments?.find((arg) => arg.name.value === 'cardsPerStage');
      largest = Math.max(largest, cardsPerStage(valueOf(argument?.value)));
    },
  });
  return largest || BOARD_CARDS_PER_STAGE.default;
}

const estimatorFor = (cardsOnABoard: number): ComplexityEstimator => ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  if (key === 'BoardColumn.cards') return 1 + cardsOnABoard * childComplexity;
  if (field.args.some((arg) => arg.name === 'first')) {
    return 1 + pageSize(args) * childComplexity;
  }
  const returnsList = isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));
  if (!returnsList) return 1 + childComplexity;
  if (key === 'Query.nodes') return 1 + (Array.isArray(args.ids) ? args.ids.length : 1) * childComplexity;
  // A connection's edges are already counted by its page size.
  if (field.name === 'edges' && type.name.endsWith('Connection')) return 1 + childComplexity;
  return 1 + (LIST_SIZES[key] ?? DEFAULT_LIST_SIZE) * childComplexity;
};

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * The cost of the operation; `Infinity` when it is too large to even count (more than `maxNodes`
 * selections once fragments are expanded); null when its variables are invalid, which execution
 * refuses before it resolves anything.
 */
export function operationCost({ schema, document, operationName, variables }: CostInput, maxNodes = 10_000): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [estimatorFor(largestCardsPerStage(document, variables ?? {}))],
      maxQueryNodes: maxNodes,
    });
  } catch (error) {
    if ((error as Error).message.includes('maximum allowed number of nodes')) return Infinity;
    if ((error as Error).name === 'GraphQLError') return null;
    throw error;
  }
}
