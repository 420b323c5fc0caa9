import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { placeFieldErrors } from '../lib/field-errors.ts';
import { failureText, fieldErrorText, type ServerFailure, type ServerFieldError } from './server-errors.ts';

/** The server's errors in the user's language (see server-errors.ts), for forms and actions. */
export function useServerErrors() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      fieldError: (error: ServerFieldError) => fieldErrorText(t, error),
      failure: (outcome: ServerFailure | null | undefined, error: CombinedError | undefined, fallback: string) => failureText(t, outcome, error, fallback),
      /** A ValidationError's entries sorted to the form's fields (see placeFieldErrors), translated. */
      place: (entries: readonly ServerFieldError[], fields: readonly string[]) =>
        placeFieldErrors(entries, fields, (entry) => fieldErrorText(t, entry)),
    }),
    [t],
  );
}
