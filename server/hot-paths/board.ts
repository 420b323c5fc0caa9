import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  Kind,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import { canReadCustomerRecord, canReadSalesRecord, canSeeSalesRecords, canWriteSalesRecord } from '../domain/access.ts';
import { activityStatus, nextOpenActivityQuery } from '../domain/activity-queries.ts';
import { contactFullName } from '../domain/contacts.ts';
import { daysWithoutActivity, isStale, opportunityHumanId } from '../domain/opportunity-queries.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { loadBoard, type BoardArgs, type BoardColumnShape, type BoardShape } from '../schema/board.ts';
import { Unsupported, checkSelection, collectFields, shapeObject, type Selection, type ShapeTypes } from './shape.ts';

/**
 * The board is the hottest read (every seller, all day, and again after each move): the executor
 * would resolve ~200 cards x 25 fields one by one, each through Pothos' wrappers, a cost far above
 * the database's (issue 13). When an operation asks only for `board` and fields this table knows,
 * it is answered here from the same `loadBoard` (same statements, same filter and access rules,
 * the same domain functions for computed fields) and shaped in one pass. Anything else, an error
 * included, runs through the executor. `board.test.ts` compares both answers field by field.
 */
export function boardHotPath(): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const data = await answerFromBoard(args);
      if (data) setResultAndStopExecution({ data });
    },
  };
}

const cardSelect = (viewer: Viewer, withNextActivity: boolean) =>
  ({
    id: true,
    number: true,
    kind: true,
    title: true,
    status: true,
    version: true,
    amount: true,
    probability: true,
    weightedAmount: true,
    expectedCloseDate: true,
    lastActivityAt: true,
    stageEnteredAt: true,
    closedAt: true,
    createdAt: true,
    updatedAt: true,
    ownerId: true,
    teamId: true,
    accountId: true,
    account: { select: { id: true, name: true, ownerId: true, teamId: true } },
    contact: { select: { id: true, title: true, firstName: true, lastName: true, ownerId: true, teamId: true } },
    owner: { select: { id: true, name: true } },
    ...(withNextActivity && {
      activities: { ...nextOpenActivityQuery(viewer), select: { id: true, type: true, subject: true, dueAt: true, doneAt: true, teamId: true } },
    }),
  }) satisfies Prisma.OpportunitySelect;

type Card = Prisma.OpportunityGetPayload<{ select: ReturnType<typeof cardSelect> }> & {
  activities?: { id: string; type: string; subject: string; dueAt: Date | null; doneAt: Date | null; teamId: string }[];
};
type CardActivity = NonNullable<Card['activities']>[number];

interface Shaping {
  viewer: Viewer;
  now: Date;
  staleAfterDays: number;
}

const typesBySchema = new WeakMap<GraphQLSchema, ShapeTypes<Shaping>>();

/** What each known field answers, serialized by the schema's own scalars. */
function boardTypes(schema: GraphQLSchema): ShapeTypes<Shaping> {
  const cached = typesBySchema.get(schema);
  if (cached) return cached;
  const scalar = (name: string) => {
    const type = schema.getType(name) as GraphQLScalarType;
    return (value: unknown) => (value === null || value === undefined ? null : type.serialize(value));
  };
  const [decimal, date, dateTime] = [scalar('Decimal'), scalar('Date'), scalar('DateTime')];
  const globalId = (typename: string) => (row: { id: string }) => encodeGlobalID(typename, row.id);
  const field = <Row>(value: (row: Row, shaping: Shaping) => unknown, type?: string) => ({ value, type });
  const column = <Row>(name: keyof Row & string) => field<Row>((row) => row[name]);

  const types: ShapeTypes<Shaping> = {
    Board: {
      pipeline: field<BoardShape<Card>>((board) => board.pipeline, 'Pipeline'),
      columns: field<BoardShape<Card>>((board) => board.columns, 'BoardColumn'),
    },
    BoardColumn: {
      stage: field<BoardColumnShape<Card>>((boardColumn) => boardColumn.stage, 'Stage'),
      count: field<BoardColumnShape<Card>>((boardColumn) => boardColumn.totals.count),
      amount: field<BoardColumnShape<Card>>((boardColumn) => decimal(boardColumn.totals.amount)),
      weightedAmount: field<BoardColumnShape<Card>>((boardColumn) => decimal(boardColumn.totals.weightedAmount)),
      hasMoreCards: field<BoardColumnShape<Card>>((boardColumn) => boardColumn.hasMoreCards),
      cards: field<BoardColumnShape<Card>>((boardColumn, { viewer }) => {
        // The Opportunity type's own read check, as the executor runs it on every card.
        if (!boardColumn.cards.every((card) => canReadSalesRecord(viewer, card))) throw new Unsupported('unreadable card');
        return boardColumn.cards;
      }, 'Opportunity'),
    },
    Pipeline: { id: field(globalId('Pipeline')), name: column('name'), kind: column('kind'), position: column('position') },
    Stage: { id: field(globalId('Stage')), name: column('name'), position: column('position'), probability: column('probability') },
    Opportunity: {
      id: field(globalId('Opportunity')),
      humanId: field<Card>(opportunityHumanId),
      kind: column<Card>('kind'),
      title: column<Card>('title'),
      status: column<Card>('status'),
      version: column<Card>('version'),
      probability: column<Card>('probability'),
      amount: field<Card>((card) => decimal(card.amount)),
      weightedAmount: field<Card>((card) => decimal(card.weightedAmount)),
      expectedCloseDate: field<Card>((card) => date(card.expectedCloseDate)),
      lastActivityAt: field<Card>((card) => dateTime(card.lastActivityAt)),
      stageEnteredAt: field<Card>((card) => dateTime(card.stageEnteredAt)),
      closedAt: field<Card>((card) => dateTime(card.closedAt)),
      createdAt: field<Card>((card) => dateTime(card.createdAt)),
      updatedAt: field<Card>((card) => dateTime(card.updatedAt)),
      daysWithoutActivity: field<Card>((card, { now }) => daysWithoutActivity(card, now)),
      isStale: field<Card>((card, { now, staleAfterDays }) => isStale(card, { now, staleAfterDays })),
      viewerCanEdit: field<Card>((card, { viewer }) => canWriteSalesRecord(viewer, card)),
      accountId: field<Card>((card) => encodeGlobalID('Account', card.accountId)),
      account: field<Card>((card, { viewer }) => (canReadCustomerRecord(viewer, card.account) ? card.account : null), 'Account'),
      contact: field<Card>((card, { viewer }) => (card.contact && canReadCustomerRecord(viewer, card.contact) ? card.contact : null), 'Contact'),
      owner: field<Card>((card) => card.owner, 'User'),
      nextOpenActivity: field<Card>((card, { viewer }) => {
        const activity = card.activities?.[0] ?? null;
        if (activity && !canReadSalesRecord(viewer, activity)) throw new Unsupported('unreadable activity');
        return activity;
      }, 'Activity'),
    },
    Account: { id: field(globalId('Account')), name: column('name') },
    Contact: {
      id: field(globalId('Contact')),
      fullName: field(contactFullName),
      title: column('title'),
      firstName: column('firstName'),
      lastName: column('lastName'),
    },
    User: { id: field(globalId('User')), name: column('name') },
    Activity: {
      id: field(globalId('Activity')),
      type: column<CardActivity>('type'),
      subject: column<CardActivity>('subject'),
      dueAt: field<CardActivity>((activity) => dateTime(activity.dueAt)),
      status: field<CardActivity>((activity, { now }) => activityStatus(activity, now)),
    },
  };
  typesBySchema.set(schema, types);
  return types;
}

async function answerFromBoard(args: ExecutionArgs): Promise<Record<string, unknown> | null> {
  const operation = getOperationAST(args.document, args.operationName);
  const context = args.contextValue as Context;
  const viewer = context.viewer;
  if (operation?.operation !== 'query' || !viewer || !canSeeSalesRecords(viewer)) return null;
  const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>);
  if (variables.errors) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of args.document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const selection: Selection = { fragments, variables: variables.coerced };
  const types = boardTypes(args.schema);
  try {
    const operationNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '' }, selectionSet: operation.selectionSet } as FieldNode;
    const roots = collectFields('Query', [operationNode], selection);
    for (const [, nodes] of roots) {
      const name = nodes[0].name.value;
      if (name !== '__typename' && name !== 'board') return null;
      if (name === 'board') checkSelection(types, 'Board', nodes, selection);
    }
    const boardField = args.schema.getQueryType()!.getFields().board;
    const shaping: Shaping = { viewer, now: new Date(), staleAfterDays: await context.loaders.staleAfterDays.load('organisation') };
    const data: Record<string, unknown> = {};
    for (const [key, nodes] of roots) {
      if (nodes[0].name.value === '__typename') {
        data[key] = 'Query';
        continue;
      }
      const boardArgs = getArgumentValues(boardField, nodes[0], selection.variables) as unknown as BoardArgs;
      const cardNodes = fieldNodes(fieldNodes(nodes, 'Board', 'columns', selection), 'BoardColumn', 'cards', selection);
      const withNextActivity = fieldNodes(cardNodes, 'Opportunity', 'nextOpenActivity', selection).length > 0;
      const board = await loadBoard<Card>(context, boardArgs, { select: cardSelect(viewer, withNextActivity) });
      data[key] = board && shapeObject(types, 'Board', board, nodes, selection, shaping);
    }
    return data;
  } catch {
    // Not ours to answer (an unknown field, an access check) or a failure (a malformed id, the
    // database): the executor answers, with the typed error where there is one.
    return null;
  }
}

/** Every node of the field `name` asked of `typeName` under these nodes, whatever its alias. */
function fieldNodes(nodes: readonly FieldNode[], typeName: string, name: string, selection: Selection): FieldNode[] {
  return [...collectFields(typeName, nodes, selection).values()].flat().filter((node) => node.name.value === name);
}
