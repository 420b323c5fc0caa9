import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Shapes rows into the response of a selection set without the GraphQL executor, for the few hot
 * reads whose every field has a known, synchronous value (`plugin.ts`). The selection is planned
 * once per operation, following the executor's rules for what it accepts: aliases, fragments and
 * inline fragments on the exact type, `@skip`/`@include`, `__typename`, fields merged by response
 * key. Anything else (a field the table does not know, arguments on a nested field, another
 * directive, a fragment on an interface) throws `Unsupported`, and the operation runs through the
 * executor as usual. Shaping then only walks the rows through the plan.
 */
export class Unsupported extends Error {}

export interface ShapeField<Row, Ctx> {
  /** The field's value, already serialized as the executor would (global ids, decimals, dates). */
  value: (row: Row, context: Ctx) => unknown;
  /** For an object field, the name of its type in the `ShapeTypes` table. */
  type?: string;
  /** What the value reads of its row, as a Prisma select; a loader merges those of the asked fields (`selectOf`). */
  select?: Record<string, unknown> | ((context: Ctx) => Record<string, unknown>);
}

export type ShapeTypes<Ctx> = Record<string, Record<string, ShapeField<never, Ctx>>>;

export interface Selection {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** One response key of a planned selection: its field's name, value and, for an object, its sub-plan. */
export interface PlanEntry<Ctx> {
  key: string;
  name: string;
  field: ShapeField<unknown, Ctx>;
  plan?: Plan<Ctx>;
}

/** What an operation asks of one type, checked against the table and in response order. */
export interface Plan<Ctx> {
  typeName: string;
  entries: PlanEntry<Ctx>[];
}

/** Plans the sub-fields asked of `typeName` under these nodes; throws `Unsupported` for what the table cannot answer. */
export function planSelection<Ctx>(types: ShapeTypes<Ctx>, typeName: string, nodes: readonly FieldNode[], selection: Selection): Plan<Ctx> {
  const fields = types[typeName];
  if (!fields) throw new Unsupported(typeName);
  const entries: PlanEntry<Ctx>[] = [];
  for (const [key, fieldNodes] of collectFields(typeName, nodes, selection)) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') {
      entries.push({ key, name, field: { value: () => typeName } });
      continue;
    }
    const field = fields[name] as ShapeField<unknown, Ctx> | undefined;
    if (!field || fieldNodes.some((node) => node.arguments?.length)) throw new Unsupported(`${typeName}.${name}`);
    entries.push({ key, name, field, plan: field.type ? planSelection(types, field.type, fieldNodes, selection) : undefined });
  }
  return { typeName, entries };
}

export function shape<Ctx>(plan: Plan<Ctx>, row: unknown, context: Ctx): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const { key, field, plan: objectPlan } of plan.entries) {
    const value = field.value(row, context);
    if (!objectPlan || value === null || value === undefined) result[key] = value ?? null;
    else if (Array.isArray(value)) result[key] = value.map((item) => shape(objectPlan, item, context));
    else result[key] = shape(objectPlan, value, context);
  }
  return result;
}

/** The plans of the object field `name` under these plans, whatever its aliases. */
export function subPlans<Ctx>(plans: readonly Plan<Ctx>[], name: string): Plan<Ctx>[] {
  return plans.flatMap((plan) => plan.entries.filter((entry) => entry.name === name && entry.plan).map((entry) => entry.plan!));
}

export function asks<Ctx>(plans: readonly Plan<Ctx>[], name: string): boolean {
  return plans.some((plan) => plan.entries.some((entry) => entry.name === name));
}

/** The Prisma select of the rows these plans shape: `base` and what each asked field reads. */
export function selectOf<Ctx>(plans: readonly Plan<Ctx>[], context: Ctx, base: Record<string, unknown>): Record<string, unknown> {
  const select = { ...base };
  for (const plan of plans) {
    for (const { field } of plan.entries) {
      if (field.select) Object.assign(select, typeof field.select === 'function' ? field.select(context) : field.select);
    }
  }
  return select;
}

/** The sub-fields asked of `typeName` by these field nodes, merged by response key in their order. */
export function collectFields(typeName: string, nodes: readonly FieldNode[], selection: Selection): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const node of set?.selections ?? []) {
      if (!included(node, selection)) continue;
      if (node.kind === Kind.FIELD) {
        const key = node.alias?.value ?? node.name.value;
        fields.set(key, [...(fields.get(key) ?? []), node]);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (node.typeCondition && node.typeCondition.name.value !== typeName) throw new Unsupported('inline fragment on another type');
        visit(node.selectionSet);
      } else {
        const fragment = selection.fragments[node.name.value];
        if (!fragment || fragment.typeCondition.name.value !== typeName) throw new Unsupported('fragment on another type');
        if (fragment.directives?.length) throw new Unsupported('directive on a fragment definition');
        visit(fragment.selectionSet);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return fields;
}

function included(node: { directives?: readonly { name: { value: string } }[] }, selection: Selection): boolean {
  if (!node.directives?.length) return true;
  for (const directive of node.directives) {
    if (directive.name.value !== 'skip' && directive.name.value !== 'include') throw new Unsupported(`@${directive.name.value}`);
  }
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, selection.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, selection.variables);
  return include?.if !== false;
}
