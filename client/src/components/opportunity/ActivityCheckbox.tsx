import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useServerErrors } from '../../i18n/useServerErrors.ts';

const CompleteActivityMutation = graphql(`
  mutation CompleteOpportunityActivity($id: ID!, $done: Boolean!) {
    completeActivity(id: $id, done: $done) {
      __typename
      ... on CompleteActivitySuccess {
        activity {
          id
          status
          doneAt
          opportunity {
            id
            version
          }
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

interface Props {
  activity: { id: string; subject: string; status: string };
  disabled?: boolean;
  /** Told after the server marked it done (or open again). */
  onChanged?(done: boolean): void;
  onError(message: string): void;
}

/** "Done" for an activity: checked marks it done now, unchecked opens it again. */
export function ActivityCheckbox({ activity, disabled, onChanged, onError }: Props) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [{ fetching }, completeActivity] = useMutation(CompleteActivityMutation);
  // Shows the click at once and keeps it until the refetched activity shows it (or the server refuses).
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  useEffect(() => setOptimistic(null), [activity.status]);
  const done = optimistic ?? activity.status === 'COMPLETED';

  async function toggle(next: boolean) {
    setOptimistic(next);
    // The opportunity's version and "next activity" change too: refetch what shows them.
    const result = await completeActivity({ id: activity.id, done: next }, { additionalTypenames: ['Opportunity', 'Activity'] });
    const outcome = result.data?.completeActivity;
    if (outcome?.__typename === 'CompleteActivitySuccess') {
      onChanged?.(next);
    } else {
      setOptimistic(null);
      onError(serverErrors.failure(outcome, result.error, t('activities.changeFailed')));
    }
  }

  return (
    <input
      type="checkbox"
      className="activity-checkbox"
      checked={done}
      disabled={disabled || fetching}
      aria-label={t('activities.doneLabel', { subject: activity.subject })}
      onChange={(event) => void toggle(event.target.checked)}
    />
  );
}
