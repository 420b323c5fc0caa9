import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { placeholderValue } from './placeholder-values.ts';

/**
 * Values an outside caller might send, right and wrong: what a fuzz test feeds every argument of
 * the schema. Strings include NUL bytes, a megabyte of text, invisible names and LIKE wildcards;
 * ids include malformed and foreign ones; dates include years 0000 and 9999.
 */
export const MEGABYTE = 'x'.repeat(1_000_000);

const base64 = (text: string) => Buffer.from(text).toString('base64');
const strings = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }) },
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u200b\u200b',
    '\u200b',
    '%',
    '_',
    '%_%\\',
    '\\',
    "'; DROP TABLE \"Account\"; --",
    '<script>alert(1)</script>',
    'Ünïcödé 🚀 ﷽',
    '\u202etxt.exe',
    MEGABYTE,
    'a'.repeat(201),
    'a'.repeat(5000),
    'OPP-1',
    'OPP-99999999999999',
    'null',
    'NaN',
  ),
);
const ids = fc.constantFrom(
  'not-an-id',
  '',
  '\u0000',
  base64('Account:not-a-uuid'),
  base64('Account:00000000-0000-0000-0000-000000000000'),
  base64('Opportunity:00000000-0000-0000-0000-000000000000'),
  base64('Pipeline:00000000-0000-0000-0000-000000000000'),
  base64('User:00000000-0000-0000-0000-000000000000'),
  base64('Nothing:00000000-0000-0000-0000-000000000000'),
  base64(`Account:${'0'.repeat(5000)}`),
  MEGABYTE,
);
const dates = fc.constantFrom('0000-01-01', '9999-12-31', '1899-12-31', '2201-01-01', '2026-02-30', '2026-13-01', 'today', '', '2026-06-30');
const dateTimes = fc.constantFrom(
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1899-12-31T23:59:59Z',
  '2026-02-30T10:00:00Z',
  '2026-06-30T25:00:00Z',
  'yesterday',
  '2026-06-30T10:00:00Z',
);
const decimals = fc.constantFrom('1e309', '-0', 'NaN', 'Infinity', '-1', '0.001', '1234.56', '9'.repeat(40), '1,5', '', ' 12 ', '1.2.3');
const ints = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 100, 1_000_000));
/** Something of the wrong type for any scalar. */
const wrongTypes = fc.constantFrom<unknown>(null, true, 12.5, 2 ** 40, [], {}, { nested: { deeper: [1, 2, 3] } }, ['a', 'b']);

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return ids;
    case 'Int':
      return ints;
    case 'Float':
      return fc.double();
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return dates;
    case 'DateTime':
      return dateTimes;
    case 'Decimal':
      return decimals;
    case 'JSON':
      return fc.jsonValue({ maxDepth: 3 });
    default:
      return strings;
  }
}

/** A value for `type`: mostly hostile but well-typed, sometimes of the wrong type, sometimes a placeholder. */
export function hostileValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  const optional = isNonNullType(type) ? [] : [{ weight: 1, arbitrary: fc.constant(undefined) }];
  const placeholder = { weight: 2, arbitrary: fc.constant(placeholderValue(type)) };
  const wrong = { weight: 1, arbitrary: wrongTypes };
  if (isListType(inner)) {
    return fc.oneof(placeholder, wrong, ...optional, { weight: 3, arbitrary: fc.array(hostileValue(inner.ofType, depth + 1), { maxLength: 3 }) });
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) {
    const values = named.getValues().map((value) => value.value as string);
    return fc.oneof(placeholder, wrong, ...optional, { weight: 3, arbitrary: fc.constantFrom(...values, 'NOT_A_VALUE') });
  }
  if (isInputObjectType(named)) {
    if (depth > 3) return fc.constant(placeholderValue(type));
    const fields = Object.values(named.getFields());
    const record = fc.record(Object.fromEntries(fields.map((field) => [field.name, hostileValue(field.type, depth + 1)])), {
      requiredKeys: [],
    });
    return fc.oneof(placeholder, wrong, ...optional, { weight: 4, arbitrary: record });
  }
  if (isScalarType(named)) return fc.oneof(placeholder, wrong, ...optional, { weight: 5, arbitrary: scalar(named.name) });
  return fc.constant(placeholderValue(type));
}

/**
 * A whole operation on one root field: `op($a: T, …) { field(a: $a, …) { __typename } }` with
 * hostile variables, or, sometimes, the values written inline into the document.
 */
export function hostileOperation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  return fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, hostileValue(arg.type)])), { requiredKeys: [] }).map((values) => {
    const given = field.args.filter((arg) => values[arg.name] !== undefined);
    const definitions = given.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const args = given.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const query = `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
    return { field: field.name, query, variables: Object.fromEntries(given.map((arg) => [arg.name, values[arg.name]])) };
  });
}
