import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { ServerFieldError } from '../../i18n/server-errors.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';

/**
 * What a settings mutation answered: the member of its result union (the success or a
 * ValidationError) and the request's error. The settings' mutations fail only by ValidationError,
 * so any other member is their success.
 */
export interface Answer {
  outcome: { __typename?: string; fieldErrors?: readonly ServerFieldError[] } | null | undefined;
  error?: CombinedError;
}

export const succeeded = ({ outcome }: Answer) => outcome !== null && outcome !== undefined && outcome.__typename !== 'ValidationError';

export interface Feedback {
  errors: FieldErrors;
  message?: string;
  /** Field errors that belong to no field of the form. */
  unplaced: string[];
}

export const NO_FEEDBACK: Feedback = { errors: {}, unplaced: [] };

/**
 * A form's server feedback: `accept(answer, fallback)` clears it and returns true on success, or
 * puts a ValidationError's entries at the form's `fields` (the rest in the summary) or names any
 * other failure, translated, and returns false.
 */
export function useFeedback(fields: readonly string[]) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const accept = useCallback(
    (answer: Answer, fallback: string): boolean => {
      if (succeeded(answer)) {
        setFeedback(NO_FEEDBACK);
        return true;
      }
      const fieldErrors = answer.outcome?.fieldErrors;
      if (fieldErrors && fieldErrors.length > 0) {
        const { byField, unplaced } = serverErrors.place(fieldErrors, fields);
        setFeedback({ errors: byField, unplaced, message: t('errors.correctFields') });
      } else {
        setFeedback({ ...NO_FEEDBACK, message: serverErrors.failure(null, answer.error, fallback) });
      }
      return false;
    },
    [fields, serverErrors, t],
  );
  const reset = useCallback(() => setFeedback(NO_FEEDBACK), []);
  return useMemo(() => ({ feedback, setFeedback, accept, reset }), [feedback, accept, reset]);
}

/**
 * For an action without a form (delete, deactivate, reorder): null on success, else why not,
 * translated; `byReason` words a refusal for this action (NOT_EMPTY of a team: "it still has members").
 */
export function useActionFailure() {
  const serverErrors = useServerErrors();
  return useCallback(
    (answer: Answer, fallback: string, byReason: Partial<Record<string, string>> = {}): string | null => {
      if (succeeded(answer)) return null;
      const reason = answer.outcome?.fieldErrors?.[0]?.reason;
      return (reason && byReason[reason]) || serverErrors.failure(answer.outcome ?? null, answer.error, fallback);
    },
    [serverErrors],
  );
}
