import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';

/** A `FieldError` of a `ValidationError`, as the mutation documents select it. */
export interface ServerFieldError {
  field: string;
  reason: string;
  message: string;
  limit?: number | null;
}

/** A member of a mutation's result union that is not its success (ValidationError, ConflictError, ...). */
export interface ServerFailure {
  __typename?: string;
  code?: string;
  message?: string;
  status?: string;
  fieldErrors?: readonly ServerFieldError[];
}

// Server reasons and codes are an open set: a key is looked up by its parts, and the server's
// (English) message is only the fallback for one the catalogs do not know yet.
type LooseT = (key: string | string[], options?: Record<string, unknown>) => string;
const loose = (t: TFunction) => t as unknown as LooseT;

/** `lines.2.quantity` → `lines.quantity`: field-specific texts do not depend on the row. */
const fieldKey = (field: string) =>
  field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('_');

/**
 * One field error in the user's language: a text for this field and reason
 * (`errors.field.lossReasonId_REQUIRED`), else for the reason (`errors.reason.TOO_LONG`, with
 * `{{limit}}`), else the server's message.
 */
export function fieldErrorText(t: TFunction, error: ServerFieldError): string {
  return loose(t)([`errors.field.${fieldKey(error.field)}_${error.reason}`, `errors.reason.${error.reason}`], {
    limit: error.limit ?? undefined,
    defaultValue: error.message,
  });
}

/**
 * Why a mutation did not succeed, in the user's language: the expected failure it returned (by its
 * `code`; a validation error by its field error), else the GraphQL error's `extensions.code`, else
 * that the server cannot be reached, else `fallback`.
 */
export function failureText(t: TFunction, outcome: ServerFailure | null | undefined, error: CombinedError | undefined, fallback: string): string {
  if (outcome?.fieldErrors && outcome.fieldErrors.length > 0) return fieldErrorText(t, outcome.fieldErrors[0]);
  if (outcome?.code) return codeText(t, outcome.code, outcome.message || fallback, outcome.status);
  if (outcome?.message) return outcome.message;
  if (error?.networkError) return t('errors.network');
  const graphQLError = error?.graphQLErrors[0];
  if (graphQLError) {
    const code = graphQLError.extensions?.code;
    return typeof code === 'string' ? codeText(t, code, graphQLError.message) : graphQLError.message;
  }
  return fallback;
}

function codeText(t: TFunction, code: string, serverMessage: string, status?: string): string {
  const closedAs = status === 'WON' ? t('errors.closedAs.WON') : status === 'LOST' ? t('errors.closedAs.LOST') : '';
  return loose(t)(`errors.code.${code}`, { defaultValue: serverMessage, status: closedAs });
}

const DUPLICATE_MATCHES: Record<string, string> = {
  'e-mail': 'email',
  'name and postcode': 'namePostcode',
  'name at this account': 'nameAtAccount',
};

/** A DuplicateAccountError's or DuplicateContactError's message, by what matched. */
export function duplicateText(t: TFunction, matchedOn: string, serverMessage: string): string {
  const match = DUPLICATE_MATCHES[matchedOn];
  return match ? loose(t)(`customer.duplicate.matchedOn.${match}`, { defaultValue: serverMessage }) : serverMessage;
}
