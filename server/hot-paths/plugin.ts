import { Kind, getArgumentValues, getOperationAST, getVariableValues, type ExecutionArgs, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { canSeeSalesRecords } from '../domain/access.ts';
import { opportunityTypes, type Shaping } from './opportunity-fields.ts';
import { collectFields, planSelection, shape, type Plan, type Selection, type ShapeTypes } from './shape.ts';

/** A root field the hot paths answer: its type's fields are in the table, its rows come from `answer`. */
export interface HotRoot {
  /** The GraphQL type the root field returns (nullable or not, as a name). */
  typeName: string;
  /** Types of the table beyond the opportunity's. */
  types?: (schema: GraphQLSchema) => ShapeTypes<Shaping>;
  /** The root field's response for this plan of its type's fields. */
  answer: (plan: Plan<Shaping>, args: Record<string, unknown>, request: HotRequest) => Promise<unknown>;
}

export interface HotRequest {
  context: Context;
  shaping: Shaping;
  shape: (plan: Plan<Shaping>, value: unknown) => Record<string, unknown>;
}

/**
 * The hottest reads (the board, the opportunity list) would have the executor resolve a few
 * hundred rows x 25 fields one by one, each through Pothos' wrappers: far more CPU than the
 * database spends (issue 13). An operation that asks only for such root fields, and only for fields
 * the table knows, is answered here from the same loaders as the schema's resolvers (same
 * statements, filters and access rules, the same domain functions for computed fields) and shaped in
 * one pass. Anything else, an error included, runs through the executor. `plugin.test.ts`
 * compares both answers byte for byte; `HOT_PATHS=false` turns this off.
 */
export function hotPaths(roots: Record<string, HotRoot>): Plugin {
  const typesBySchema = new WeakMap<GraphQLSchema, ShapeTypes<Shaping>>();
  const typesOf = (schema: GraphQLSchema) => {
    let types = typesBySchema.get(schema);
    if (!types) {
      types = Object.assign(opportunityTypes(schema), ...Object.values(roots).map((root) => root.types?.(schema) ?? {})) as ShapeTypes<Shaping>;
      typesBySchema.set(schema, types);
    }
    return types;
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const data = await answer(args, roots, typesOf(args.schema));
      if (data) setResultAndStopExecution({ data });
    },
  };
}

async function answer(args: ExecutionArgs, roots: Record<string, HotRoot>, types: ShapeTypes<Shaping>) {
  const operation = getOperationAST(args.document, args.operationName);
  const context = args.contextValue as Context;
  const viewer = context.viewer;
  // Every hot root is a read of opportunities: the `sales` scope.
  if (operation?.operation !== 'query' || !viewer || !canSeeSalesRecords(viewer)) return null;
  if (!operation.selectionSet.selections.some((node) => node.kind === Kind.FIELD && Object.hasOwn(roots, node.name.value))) return null;
  const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>);
  if (variables.errors) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of args.document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const selection: Selection = { fragments, variables: variables.coerced };
  try {
    const operationNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '' }, selectionSet: operation.selectionSet } as FieldNode;
    const queryFields = args.schema.getQueryType()!.getFields();
    const planned: { key: string; respond: (request: HotRequest) => unknown }[] = [];
    for (const [key, nodes] of collectFields('Query', [operationNode], selection)) {
      const name = nodes[0].name.value;
      if (name === '__typename') {
        planned.push({ key, respond: () => 'Query' });
        continue;
      }
      const root = roots[name];
      if (!root) return null;
      const plan = planSelection(types, root.typeName, nodes, selection);
      const rootArgs = getArgumentValues(queryFields[name], nodes[0], selection.variables);
      planned.push({ key, respond: (request) => root.answer(plan, rootArgs, request) });
    }
    const request: HotRequest = {
      // Its queries are the hot paths' own, never a Pothos selection: the client without extension.
      context: { ...context, prisma: context.db.plainPrisma },
      shaping: { viewer, now: new Date(), staleAfterDays: await context.loaders.staleAfterDays.load('organisation') },
      shape: (plan, value) => shape(plan, value, request.shaping),
    };
    const data: Record<string, unknown> = {};
    for (const { key, respond } of planned) data[key] = await respond(request);
    return data;
  } catch {
    // Not ours to answer (a field or type check the executor would refuse) or a failure (a
    // malformed id or cursor, the database): the executor answers, with its typed error.
    return null;
  }
}
