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
 * reads whose every field has a known, synchronous value (`plugin.ts`). It follows the executor's
 * rules for what it accepts: aliases, fragments and inline fragments on the exact type,
 * `@skip`/`@include`, `__typename`, fields merged by response key. Anything else (a field it does
 * not know, arguments on a nested field, another directive, a fragment on an interface) throws
 * `Unsupported`, and the operation runs through the executor as usual.
 */
export class Unsupported extends Error {}

export interface ShapeField<Row, Ctx> {
  /** The field's value, already serialized as the executor would (global ids, decimals, dates). */
  value: (row: Row, context: Ctx) => unknown;
  /** For an object field, the name of its type in the `ShapeTypes` table. */
  type?: string;
}

export type ShapeTypes<Ctx> = Record<string, Record<string, ShapeField<never, Ctx>>>;

export interface Selection {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function shapeObject<Ctx>(types: ShapeTypes<Ctx>, typeName: string, row: unknown, nodes: readonly FieldNode[], selection: Selection, context: Ctx) {
  const fields = types[typeName];
  if (!fields) throw new Unsupported(typeName);
  const result: Record<string, unknown> = {};
  for (const [key, fieldNodes] of collectFields(typeName, nodes, selection)) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') {
      result[key] = typeName;
      continue;
    }
    const field = fields[name] as ShapeField<unknown, Ctx> | undefined;
    if (!field || fieldNodes.some((node) => node.arguments?.length)) throw new Unsupported(`${typeName}.${name}`);
    const value = field.value(row, context);
    if (!field.type || value === null || value === undefined) result[key] = value ?? null;
    else if (Array.isArray(value)) result[key] = value.map((item) => shapeObject(types, field.type!, item, fieldNodes, selection, context));
    else result[key] = shapeObject(types, field.type, value, fieldNodes, selection, context);
  }
  return result;
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

/** Throws `Unsupported` unless every field asked under these nodes is in the table, without arguments. */
export function checkSelection<Ctx>(types: ShapeTypes<Ctx>, typeName: string, nodes: readonly FieldNode[], selection: Selection) {
  const fields = types[typeName];
  if (!fields) throw new Unsupported(typeName);
  for (const fieldNodes of collectFields(typeName, nodes, selection).values()) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') continue;
    const field = fields[name];
    if (!field || fieldNodes.some((node) => node.arguments?.length)) throw new Unsupported(`${typeName}.${name}`);
    if (field.type) checkSelection(types, field.type, fieldNodes, selection);
  }
}
