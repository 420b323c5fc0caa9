import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';

const SCALARS: Record<string, unknown> = {
  ID: 'UGxhY2Vob2xkZXI6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw',
  String: 'placeholder',
  Int: 1,
  Float: 1,
  Boolean: true,
  Date: '2026-06-30',
  DateTime: '2026-06-30T12:00:00.000Z',
  Decimal: '1.00',
  JSON: {},
};

/**
 * A value of the given input type with every required field filled in (optional ones left out):
 * enough for an operation to pass validation and variable coercion, e.g. to compute its cost or
 * to reach its resolver's access check.
 */
export function placeholderValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [placeholderValue(inner.ofType)];
  const named = getNamedType(inner);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, placeholderValue(field.type)]),
    );
  }
  return SCALARS[named.name] ?? 'placeholder';
}
