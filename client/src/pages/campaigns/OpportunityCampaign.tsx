import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { failureMessage } from '../../components/opportunity/errors.ts';
import { OpportunityCampaignQuery, SetOpportunityCampaignMutation } from './campaign-queries.ts';
import { T } from './texts.ts';

/** Which campaign an opportunity came from, on its page (editable while it is open). */
export function OpportunityCampaign({ opportunityId, refreshKey }: { opportunityId: string; refreshKey: number }) {
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
    setMessage(outcome?.__typename === 'UpdateOpportunitySuccess' ? T.saved : failureMessage(outcome, result.error, T.failed));
  }

  return (
    <section className="card" aria-labelledby="opportunity-campaign-title">
      <h2 id="opportunity-campaign-title">{T.onOpportunity}</h2>
      {editable ? (
        <div className="inline-form">
          <label htmlFor="opportunity-campaign" className="visually-hidden">
            {T.onOpportunity}
          </label>
          <select id="opportunity-campaign" className="input" value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{T.noCampaign}</option>
            {data.campaigns.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
          <button type="button" className="button button--secondary button--small" disabled={fetching || choice === current} onClick={() => void submit()}>
            {T.saveCampaign}
          </button>
        </div>
      ) : opportunity.campaign ? (
        <Link to={`/campaigns/${encodeURIComponent(opportunity.campaign.id)}`}>{opportunity.campaign.name}</Link>
      ) : (
        <p className="muted">{T.noCampaign}</p>
      )}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
