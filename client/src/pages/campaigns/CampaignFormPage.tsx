import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { parseMoneyInput } from '../../components/opportunity/money.ts';
import { Loading } from '../../components/QueryStatus.tsx';
import type { CampaignStatus, CampaignType } from '../../gql/graphql.ts';
import { placeFieldErrors, textOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import { CampaignDetailQuery, CreateCampaignMutation, UpdateCampaignMutation } from './campaign-queries.ts';
import { CAMPAIGN_STATUS, CAMPAIGN_TYPE, T } from './texts.ts';

const FIELDS = ['name', 'type', 'status', 'startDate', 'endDate', 'cost', 'description'];

/** `/campaigns/new` and `/campaigns/:id/edit` (ADMIN and MANAGER). */
export function CampaignFormPage() {
  const { id } = useParams();
  const [{ data }] = useQuery({ query: CampaignDetailQuery, variables: { id: id ?? '', statuses: ['OPEN'] }, pause: !id });
  if (id && !data) return <Loading what="the campaign" />;
  const campaign = data?.campaign;
  return (
    <CampaignForm
      id={id}
      initial={{
        name: campaign?.name ?? '',
        type: campaign?.type ?? 'TRADE_FAIR',
        status: campaign?.status ?? 'PLANNED',
        startDate: campaign?.startDate ?? '',
        endDate: campaign?.endDate ?? '',
        cost: campaign?.cost ?? '',
        description: campaign?.description ?? '',
      }}
    />
  );
}

type Values = { name: string; type: CampaignType; status: CampaignStatus; startDate: string; endDate: string; cost: string; description: string };

function CampaignForm({ id, initial }: { id?: string; initial: Values }) {
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string[] | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateCampaignMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateCampaignMutation);
  const field = (name: 'name' | 'startDate' | 'endDate' | 'cost' | 'description') => ({ value: values[name], onChange: (value: string) => setValues({ ...values, [name]: value }), error: errors[name] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cost = parseMoneyInput(values.cost);
    if (cost === undefined) {
      setErrors({ cost: T.invalidAmount });
      return;
    }
    const input = { name: values.name, type: values.type, status: values.status, startDate: values.startDate || null, endDate: values.endDate || null, cost: cost ?? '0', description: textOrNull(values.description) };
    const outcome = id ? (await update({ id, input })).data?.updateCampaign : (await create({ input: { ...input, startDate: input.startDate ?? '' } })).data?.createCampaign;
    if (outcome && 'campaign' in outcome) return navigate(`/campaigns/${encodeURIComponent(outcome.campaign.id)}`);
    if (outcome?.__typename === 'ValidationError') {
      const placed = placeFieldErrors(outcome.fieldErrors, FIELDS);
      setErrors(placed.byField);
      setSummary(placed.unplaced);
    }
  }

  return (
    <section aria-labelledby="campaign-form-title">
      <div className="page-header">
        <h1 id="campaign-form-title">{id ? `${T.edit}: ${initial.name}` : T.new}</h1>
      </div>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={T.title}>
        {summary && <FormErrorSummary message={T.failed} details={summary} />}
        <fieldset className="form-section">
          <legend>{T.name}</legend>
          <div className="form-grid">
            <TextField id="campaign-name" label={T.name} required className="field--wide" {...field('name')} />
            <SelectField id="campaign-type" label={T.type} value={values.type} onChange={(type) => setValues({ ...values, type: type as CampaignType })} options={Object.entries(CAMPAIGN_TYPE).map(([value, label]) => ({ value, label }))} error={errors.type} />
            <SelectField id="campaign-status" label={T.status} value={values.status} onChange={(status) => setValues({ ...values, status: status as CampaignStatus })} options={Object.entries(CAMPAIGN_STATUS).map(([value, label]) => ({ value, label }))} error={errors.status} />
            <TextField id="campaign-start" label={T.startDate} type="date" required {...field('startDate')} />
            <TextField id="campaign-end" label={T.endDate} type="date" {...field('endDate')} />
            <TextField id="campaign-cost" label={T.cost} inputMode="numeric" {...field('cost')} />
          </div>
          <TextAreaField id="campaign-description" label={T.description} {...field('description')} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={creating || updating}>
            {id ? T.save : T.create}
          </button>
          <Link to={id ? `/campaigns/${encodeURIComponent(id)}` : '/campaigns'} className="button button--ghost">
            {T.cancel}
          </Link>
        </div>
      </form>
    </section>
  );
}
