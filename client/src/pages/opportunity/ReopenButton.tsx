import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { ReopenOpportunityMutation } from './opportunity-queries.ts';

interface Props {
  opportunity: { id: string; version: number };
  onError(message: string): void;
  onConflict(): void;
}

/**
 * Takes a lost or won opportunity back into work at its stage's default probability; the server
 * refuses a won one with an order or invoice, and its reason is shown.
 */
export function ReopenButton({ opportunity, onError, onConflict }: Props) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [{ fetching }, reopen] = useMutation(ReopenOpportunityMutation);
  async function handleClick() {
    const result = await reopen({ id: opportunity.id, version: opportunity.version });
    const outcome = result.data?.reopenOpportunity;
    if (outcome?.__typename === 'ReopenOpportunitySuccess') return;
    if (outcome?.__typename === 'ConflictError') {
      onError(t('errors.conflict'));
      onConflict();
    } else {
      onError(serverErrors.failure(outcome, result.error, t('opportunity.reopenFailed')));
    }
  }
  return (
    <button type="button" className="button button--secondary" onClick={() => void handleClick()} disabled={fetching}>
      {t('opportunity.reopen')}
    </button>
  );
}
