import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { DomainError } from './domain/errors.ts';
import { Prisma } from './generated/prisma/client.ts';

/**
 * The one place where failures become GraphQL errors. Domain errors keep their message and get
 * `extensions.code`; Prisma's constraint errors that slipped past validation get a code too;
 * everything else is masked as "Unexpected error." without a stack trace.
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = innermostError(error);
  const path = isGraphQLError(error) ? error.path : undefined;
  if (original instanceof DomainError) {
    // Already carries the domain's extensions (see DomainError.extensions).
    return isGraphQLError(error) ? error : new GraphQLError(original.message, { path, extensions: original.extensions });
  }
  if (original instanceof Prisma.PrismaClientKnownRequestError) {
    const code = prismaCode(original.code);
    if (code) return new GraphQLError(code.message, { path, extensions: { code: code.code } });
  }
  if (isGraphQLError(error) && isGraphQLError(original) && error.extensions.code === undefined) {
    // Raised by graphql itself, e.g. a variable of the wrong type or a bad cursor: the caller's fault.
    (error.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
    return error;
  }
  return yogaMaskError(error, message, isDev);
}

function prismaCode(code: string): { code: string; message: string } | null {
  switch (code) {
    case 'P2025':
      return { code: 'NOT_FOUND', message: 'The record no longer exists.' };
    case 'P2002':
      return { code: 'CONFLICT', message: 'A record with these unique values already exists.' };
    case 'P2003':
      return { code: 'BAD_USER_INPUT', message: 'A referenced record does not exist.' };
    default:
      return null;
  }
}

/** Errors thrown inside resolvers reach the mask wrapped in one or more GraphQLErrors. */
function innermostError(error: unknown): unknown {
  let current = error;
  while (isGraphQLError(current) && current.originalError) current = current.originalError;
  return current;
}

/**
 * By name rather than `instanceof`: graphql ships as ESM and CommonJS, and the executor may wrap
 * errors with the other copy's class.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}
