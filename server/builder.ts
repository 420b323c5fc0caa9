import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { Context } from './context.ts';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { canSeeSalesRecords } from './domain/access.ts';
import { ForbiddenError, UnauthenticatedError, ValidationError } from './domain/errors.ts';
import { Prisma } from './generated/prisma/client.ts';
import type PrismaTypes from './generated/pothos-prisma-types.ts';
import { getDatamodel } from './generated/pothos-prisma-types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    /** Any signed-in user or API token. */
    authenticated: boolean;
    /** May change data: signed in, not through a read-only API token. */
    writer: boolean;
    admin: boolean;
    /** May see opportunities and activities: every role but SERVICE. */
    sales: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    /** Exact decimal as a string, e.g. "1234.50": money, quantities, percentages. */
    Decimal: { Input: string; Output: Prisma.Decimal | string | number };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ErrorsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      authenticated: context.viewer !== null,
      writer: context.viewer !== null && !context.viewer.readOnly,
      admin: context.viewer?.role === 'ADMIN' && !context.viewer.readOnly,
      sales: context.viewer !== null && canSeeSalesRecords(context.viewer),
    }),
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, context) => (context.viewer ? new ForbiddenError() : new UnauthenticatedError()),
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    // Statement-count tests guard against N+1; a resolver that returns null early (`me`) is fine.
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    // A malformed id is the caller's mistake (INVALID_ID), never a database error.
    decodeGlobalID: (globalID) => {
      let decoded: { typename: string; id: string };
      try {
        decoded = decodeGlobalID(globalID);
      } catch {
        throw ValidationError.field('id', 'INVALID_ID', 'This is not a valid id.');
      }
      if (!UUID.test(decoded.id)) throw ValidationError.field('id', 'INVALID_ID', 'This is not a valid id.');
      return decoded;
    },
    cursorType: 'String',
    nodeQueryOptions: { authScopes: { authenticated: true } },
    nodesQueryOptions: { authScopes: { authenticated: true } },
  },
  errors: {
    defaultTypes: [],
  },
});

/** Dates people enter for a CRM lie in this range; anything else is a typo or a probe (year 0000, 9999). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

function withinYears<T extends GraphQLScalarType>(scalar: T): T {
  const check = (date: unknown) => {
    const year = date instanceof Date ? date.getUTCFullYear() : Number.NaN;
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
      throw new GraphQLError(`${scalar.name} must lie between the years ${FIRST_YEAR} and ${LAST_YEAR}.`);
    }
    return date;
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
    parseValue: (value) => check(scalar.parseValue(value)),
    parseLiteral: (ast, variables) => check(scalar.parseLiteral(ast, variables)),
  }) as T;
}

builder.addScalarType('DateTime', withinYears(DateTimeResolver));
builder.addScalarType('Date', withinYears(DateResolver));
builder.addScalarType('JSON', JSONResolver);

const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;
function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  // A GraphQLError, so graphql reports it as the caller's mistake rather than a server failure.
  if (typeof text !== 'string' || !DECIMAL.test(text.trim())) throw new GraphQLError('Decimal must be a number like "1234.50".');
  return text.trim();
}

builder.scalarType('Decimal', {
  description: 'An exact decimal number as a string, e.g. "1234.50". Used for money (EUR), quantities and percentages.',
  serialize: (value) => new Prisma.Decimal(value as string).toString(),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined),
});

export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
export type InputFields = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>;
