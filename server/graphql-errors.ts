import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { DomainError } from './domain/errors.ts';
import { Prisma } from './generated/prisma/client.ts';

/**
 * The one place where failures become GraphQL errors. Domain errors keep their message and get
 * `extensions.code`; Prisma's constraint errors that slipped past validation get a code too;
 * errors graphql and Pothos raise about the request are the caller's (BAD_USER_INPUT);
 * everything else is masked as "Unexpected error." (INTERNAL_SERVER_ERROR) without a stack trace.
 * No message repeats more than a short piece of what the caller sent.
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
  if (isGraphQLError(error) && isRequestError(original)) {
    // Raised by graphql or Pothos, e.g. a variable of the wrong type or a bad cursor: the caller's
    // fault. Changed in place: a different error object would make yoga log it as a failure.
    (error.extensions as Record<string, unknown>).code ??= 'BAD_USER_INPUT';
    error.message = withoutLongEchoes(error.message);
    return error;
  }
  const masked = yogaMaskError(error, message, isDev);
  if (isGraphQLError(masked) && masked.extensions.code === undefined) {
    (masked.extensions as Record<string, unknown>).code = 'INTERNAL_SERVER_ERROR';
  }
  return masked;
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

const ECHO = 60;

/**
 * graphql and Pothos repeat the offending value in their messages ("Variable "$input" got invalid
 * value …", "Invalid global ID: …"); a long one is cut, so a megabyte sent is not a megabyte returned.
 */
export function withoutLongEchoes(text: string): string {
  return text
    .replace(/("|')((?:\\.|(?!\1).){60,})\1/g, (_quoted, quote: string, value: string) => `${quote}${value.slice(0, ECHO)}…${quote}`)
    .replace(/[^\s"']{61,}/g, (word) => `${word.slice(0, ECHO)}…`)
    .slice(0, 1000);
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

/** Errors graphql itself or Pothos' argument checks raise about the request. */
function isRequestError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'GraphQLError' || error.name === 'PothosValidationError');
}
