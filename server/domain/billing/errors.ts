import { DomainError } from '../errors.ts';

export type DocumentKind = 'QUOTE' | 'ORDER' | 'INVOICE';

/**
 * A status change the document's life cycle does not allow from where it is (accepting a draft,
 * delivering a cancelled order, cancelling a paid invoice...). Nothing was written.
 */
export class InvalidStatusTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly kind: DocumentKind,
    readonly status: string,
    readonly action: string,
    /** Machine-readable, e.g. NOT_SENT, EXPIRED, HAS_PAYMENTS, INVOICED. */
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The document can no longer be edited in its status: quotes only as DRAFT, orders only while
 * OPEN, invoices never once issued (a correction is a cancellation plus a new invoice).
 */
export class DocumentLockedError extends DomainError {
  readonly code = 'LOCKED';
  constructor(
    readonly kind: DocumentKind,
    readonly status: string,
    readonly fields: string[],
  ) {
    super(`This ${kind.toLowerCase()} is ${status.toLowerCase()}: ${fields.join(', ')} can no longer be changed.`);
  }
}
