import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/QueryStatus.tsx';
import type { CampaignStatus, CampaignType } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { textOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import { CampaignDetailQuery, CreateCampaignMutation, UpdateCampaignMutation } from './campaign-queries.ts';

const FIELDS = ['name', 'type', 'status', 'startDate', 'endDate', 'cost', 'description'];
const TYPES: CampaignType[] = ['TRADE_FAIR', 'EVENT', 'WEBINAR', 'EMAIL', 'ADVERTISING', 'DIRECT_MAIL', 'OTHER'];
const STATUSES: CampaignStatus[] = ['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED'];

/** `/campaigns/new` and `/campaigns/:id/edit` (ADMIN and MANAGER). */
export function CampaignFormPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { id } = useParams();
  const [{ data }] = useQuery({ query: CampaignDetailQuery, variables: { id: id ?? '', statuses: ['OPEN'] }, pause: !id });
  if (id && !data) return <Loading what={t('campaigns.loadingOne')} />;
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
        cost: campaign ? formats.moneyInput(campaign.cost) : '',
        description: campaign?.description ?? '',
      }}
    />
  );
}

type Values = { name: string; type: CampaignType; status: CampaignStatus; startDate: string; endDate: string; cost: string; description: string };

function CampaignForm({ id, initial }: { id?: string; initial: Values }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string[] | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateCampaignMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateCampaignMutation);
  const field = (name: 'name' | 'startDate' | 'endDate' | 'cost' | 'description') => ({ value: values[name], onChange: (value: string) => setValues({ ...values, [name]: value }), error: errors[name] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cost = formats.parseMoney(values.cost);
    if (cost === undefined) {
      setErrors({ cost: t('campaigns.invalidAmount') });
      return;
    }
    const input = { name: values.name, type: values.type, status: values.status, startDate: values.startDate || null, endDate: values.endDate || null, cost: cost ?? '0', description: textOrNull(values.description) };
    const outcome = id ? (await update({ id, input })).data?.updateCampaign : (await create({ input: { ...input, startDate: input.startDate ?? '' } })).data?.createCampaign;
    if (outcome && 'campaign' in outcome) return navigate(`/campaigns/${encodeURIComponent(outcome.campaign.id)}`);
    if (outcome?.__typename === 'ValidationError') {
      const placed = serverErrors.place(outcome.fieldErrors, FIELDS);
      setErrors(placed.byField);
      setSummary(placed.unplaced);
    }
  }

  return (
    <section aria-labelledby="campaign-form-title">
      <div className="page-header">
        <h1 id="campaign-form-title">{id ? t('campaigns.editTitle', { name: initial.name }) : t('campaigns.new')}</h1>
      </div>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('campaigns.title')}>
        {summary && <FormErrorSummary message={t('campaigns.failed')} details={summary} />}
        <fieldset className="form-section">
          <legend>{t('campaigns.name')}</legend>
          <div className="form-grid">
            <TextField id="campaign-name" label={t('campaigns.name')} required className="field--wide" {...field('name')} />
            <SelectField
              id="campaign-type"
              label={t('campaigns.typeLabel')}
              value={values.type}
              onChange={(type) => setValues({ ...values, type: type as CampaignType })}
              options={TYPES.map((value) => ({ value, label: t(`campaigns.type.${value}`) }))}
              error={errors.type}
            />
            <SelectField
              id="campaign-status"
              label={t('campaigns.statusLabel')}
              value={values.status}
              onChange={(status) => setValues({ ...values, status: status as CampaignStatus })}
              options={STATUSES.map((value) => ({ value, label: t(`campaigns.status.${value}`) }))}
              error={errors.status}
            />
            <TextField id="campaign-start" label={t('campaigns.startDate')} type="date" required {...field('startDate')} />
            <TextField id="campaign-end" label={t('campaigns.endDate')} type="date" {...field('endDate')} />
            <TextField id="campaign-cost" label={t('campaigns.cost')} inputMode="numeric" {...field('cost')} />
          </div>
          <TextAreaField id="campaign-description" label={t('campaigns.description')} {...field('description')} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={creating || updating}>
            {id ? t('campaigns.save') : t('campaigns.create')}
          </button>
          <Link to={id ? `/campaigns/${encodeURIComponent(id)}` : '/campaigns'} className="button button--ghost">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
