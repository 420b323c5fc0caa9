import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { documentPaths } from '../billing/billing-format.ts';
import { OpportunityCampaignQuery, SetOpportunityCampaignMutation } from './campaign-queries.ts';

/** Which campaign an opportunity came from, on its page (editable while it is open). */
export function OpportunityCampaign({ opportunityId, refreshKey }: { opportunityId: string; refreshKey: number }) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [{ data }, reexecute] = useQuery({ query: OpportunityCampaignQuery, variables: { id: opportunityId }, requestPolicy: 'cache-and-network' });
  const [{ fetching }, save] = useMutation(SetOpportunityCampaignMutation);
  const current = data?.opportunity?.campaign?.id ?? '';
  const [choice, setChoice] = useState(current);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setChoice(current), [current]);
  useEffect(() => {
    if (refreshKey) reexecute({ requestPolicy: 'network-only' });
  }, [refreshKey, reexecute]);
  const opportunity = data?.opportunity;
  if (!opportunity) return null;
  const editable = opportunity.viewerCanEdit && opportunity.status === 'OPEN';

  async function submit() {
    const result = await save({ id: opportunityId, campaignId: choice || null, version: opportunity!.version });
    const outcome = result.data?.updateOpportunity;
    setMessage(outcome?.__typename === 'UpdateOpportunitySuccess' ? t('campaigns.saved') : serverErrors.failure(outcome, result.error, t('campaigns.failed')));
  }

  return (
    <section className="card" aria-labelledby="opportunity-campaign-title">
      <h2 id="opportunity-campaign-title">{t('campaigns.onOpportunity')}</h2>
      {editable ? (
        <div className="inline-form">
          <label htmlFor="opportunity-campaign" className="visually-hidden">
            {t('campaigns.onOpportunity')}
          </label>
          <select id="opportunity-campaign" className="input" value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t('campaigns.noCampaign')}</option>
            {data.campaigns.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
          <button type="button" className="button button--secondary button--small" disabled={fetching || choice === current} onClick={() => void submit()}>
            {t('campaigns.saveCampaign')}
          </button>
        </div>
      ) : opportunity.campaign ? (
        <Link to={documentPaths.campaign(opportunity.campaign.id)}>{opportunity.campaign.name}</Link>
      ) : (
        <p className="muted">{t('campaigns.noCampaign')}</p>
      )}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
