/**
 * Errors the domain raises. The GraphQL layer maps each code to a typed error in one place
 * (server/graphql-errors.ts); anything else is an unexpected failure and is masked.
 */
export type DomainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'DUPLICATE'
  | 'CLOSED'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  /**
   * What the API reports as `extensions`. graphql-js copies it when it wraps the error, so a
   * domain error arrives at the client with its code and needs no mapping (or logging) later.
   */
  get extensions(): Record<string, unknown> {
    return { code: this.code };
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'You must be signed in to do this.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

/** Also raised for records that exist but may not be read, so that existence is not revealed. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly entity: string) {
    super(`${entity} not found.`);
  }
}

export interface FieldError {
  /** Path of the input field, e.g. `email` or `tagIds.2`. */
  field: string;
  /** Machine-readable reason, e.g. `INVALID_EMAIL`, `TOO_LONG`, `REQUIRED`. */
  reason: string;
  message: string;
  /** The bound a TOO_LONG, TOO_SHORT, TOO_LARGE or TOO_SMALL reason refers to, so clients can say it in their language. */
  limit?: number;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.length === 1 ? fieldErrors[0].message : `${fieldErrors.length} fields are invalid.`);
  }

  override get extensions() {
    return { code: 'BAD_USER_INPUT', fieldErrors: this.fieldErrors };
  }

  static field(field: string, reason: string, message: string) {
    return new ValidationError([{ field, reason, message }]);
  }
}

/**
 * A create or change that looks like an existing record; the caller may retry with
 * `allowDuplicate`. Subclassed per entity so the API can type `existing`.
 */
export abstract class DuplicateError<Existing> extends DomainError {
  readonly code = 'DUPLICATE';
  constructor(
    entity: string,
    readonly matchedOn: string,
    readonly existing: Existing[],
  ) {
    super(`A ${entity} with the same ${matchedOn} already exists.`);
  }
}

/** A won or lost opportunity's business data is frozen; only the win/loss report may be written. */
export class OpportunityClosedError extends DomainError {
  readonly code = 'CLOSED';
  constructor(
    readonly status: 'WON' | 'LOST',
    readonly fields: string[],
  ) {
    super(`This opportunity is ${status.toLowerCase()}: ${fields.join(', ')} can no longer be changed.`);
  }
}

/** The record changed since the caller read it (their `version` is stale). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly currentVersion: number,
  ) {
    super(`Someone else changed this ${entity} in the meantime (now at version ${currentVersion}). Reload and try again.`);
  }
}

/** Too many attempts (e.g. failed logins); the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  }

  override get extensions() {
    const retryAfter = Math.max(1, Math.ceil(this.retryAfterSeconds));
    return { code: this.code, retryAfter, http: { status: 429, headers: { 'Retry-After': String(retryAfter) } } };
  }
}
