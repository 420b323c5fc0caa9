import { useMutation } from 'urql';
import { CONFLICT_MESSAGE, failureMessage } from '../../components/opportunity/errors.ts';
import { ReopenOpportunityMutation } from './opportunity-queries.ts';

interface Props {
  opportunity: { id: string; version: number };
  onError(message: string): void;
  onConflict(): void;
}

/** Takes a lost opportunity back into work at its stage's default probability. */
export function ReopenButton({ opportunity, onError, onConflict }: Props) {
  const [{ fetching }, reopen] = useMutation(ReopenOpportunityMutation);
  async function handleClick() {
    const result = await reopen({ id: opportunity.id, version: opportunity.version });
    const outcome = result.data?.reopenOpportunity;
    if (outcome?.__typename === 'ReopenOpportunitySuccess') return;
    if (outcome?.__typename === 'ConflictError') {
      onError(CONFLICT_MESSAGE);
      onConflict();
    } else {
      onError(failureMessage(outcome, result.error, 'The opportunity could not be reopened.'));
    }
  }
  return (
    <button type="button" className="button button--secondary" onClick={() => void handleClick()} disabled={fetching}>
      Reopen
    </button>
  );
}
