import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveRefresh } from './useLiveRefresh.ts';
import { useMutation, useQuery } from 'urql';
import { ActivityCheckbox } from '../../components/opportunity/ActivityCheckbox.tsx';
import { ACTIVITY_TYPES, localInputToIso } from '../../components/opportunity/activity-format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { graphql } from '../../gql';
import type { ActivityType } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';

const OpportunityActivitiesQuery = graphql(`
  query OpportunityActivities($id: ID!) {
    opportunity(id: $id) {
      id
      activities(first: 100) {
        totalCount
        edges {
          node {
            id
            type
            subject
            status
            dueAt
            doneAt
            notes
            viewerCanEdit
            assignee {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const CreateActivityMutation = graphql(`
  mutation CreateOpportunityActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      __typename
      ... on CreateActivitySuccess {
        activity {
          id
          subject
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

const FIELDS = ['type', 'subject', 'dueAt'] as const;

/** The opportunity's calls, meetings, tasks, ...: open ones first, each with a "done" checkbox. */
export function OpportunityActivities({ opportunityId, refreshKey, canAdd }: { opportunityId: string; refreshKey: number; canAdd: boolean }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const context = useMemo(() => ({ additionalTypenames: ['Activity'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: OpportunityActivitiesQuery,
    variables: { id: opportunityId },
    requestPolicy: 'cache-and-network',
    context,
  });
  useLiveRefresh(refreshKey, reexecute);
  const [actionError, setActionError] = useState<string | null>(null);
  const activities = data?.opportunity?.activities;

  return (
    <section className="card" aria-labelledby="activities-title">
      <div className="section-header">
        <h2 id="activities-title">
          {t('activities.title')}
          {activities && <span className="count">{activities.totalCount}</span>}
        </h2>
      </div>
      {canAdd && <NewActivityForm opportunityId={opportunityId} />}
      {actionError && (
        <div className="banner banner--error" role="alert">
          {actionError}
        </div>
      )}
      {error && !data && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('activities.loading')} />}
      {activities && activities.edges.length === 0 && <p className="muted">{t('activities.none')}</p>}
      {activities && activities.edges.length > 0 && (
        <ul className="activity-list" aria-label={t('activities.title')}>
          {activities.edges.map(({ node: activity }) => (
            <li key={activity.id} className={`activity activity--${activity.status.toLowerCase()}`} data-testid="activity">
              <ActivityCheckbox activity={activity} disabled={!activity.viewerCanEdit} onError={setActionError} />
              <div className="activity__body">
                <p className="activity__subject">
                  <span className="activity__type">{t(`activities.type.${activity.type}`)}</span> {activity.subject}
                </p>
                <p className="activity__meta muted">
                  {activity.status === 'COMPLETED' && activity.doneAt
                    ? t('activities.doneAt', { when: formats.dateTime(activity.doneAt) })
                    : activity.dueAt
                      ? t('activities.due', { when: formats.due(activity.dueAt) })
                      : t('activities.noDue')}
                  {' · '}
                  {activity.assignee.name}
                </p>
                {activity.notes && <p className="activity__notes">{activity.notes}</p>}
              </div>
              {activity.status === 'OVERDUE' && <span className="status status--overdue">{t('activities.status.OVERDUE')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewActivityForm({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [type, setType] = useState<ActivityType>('TASK');
  const [subject, setSubject] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message?: string; details: string[] }>({ details: [] });
  const [{ fetching }, createActivity] = useMutation(CreateActivityMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { opportunityId, type, subject, dueAt: localInputToIso(due) };
    const result = await createActivity({ input }, { additionalTypenames: ['Activity', 'Opportunity'] });
    const outcome = result.data?.createActivity;
    if (outcome?.__typename === 'CreateActivitySuccess') {
      setSubject('');
      setDue('');
      setErrors({});
      setSummary({ details: [] });
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, FIELDS);
      setErrors(byField);
      setSummary({ details: unplaced });
      return;
    }
    setErrors({});
    setSummary({ message: serverErrors.failure(outcome, result.error, t('activities.addFailed')), details: [] });
  }

  return (
    <form className="activity-form" onSubmit={handleSubmit} noValidate aria-label={t('activities.add')}>
      <FormErrorSummary message={summary.message} details={summary.details} />
      <div className="activity-form__fields">
        <SelectField
          id="activity-type"
          label={t('activities.field.type')}
          value={type}
          onChange={(value) => setType(value as ActivityType)}
          options={ACTIVITY_TYPES.map((value) => ({ value, label: t(`activities.type.${value}`) }))}
          error={errors.type}
        />
        <TextField id="activity-subject" label={t('activities.field.subject')} required value={subject} onChange={setSubject} error={errors.subject} className="activity-form__subject" />
        <DueField value={due} onChange={setDue} error={errors.dueAt} />
        <button type="submit" className="button button--secondary activity-form__submit" disabled={fetching}>
          {t('activities.add')}
        </button>
      </div>
    </form>
  );
}

/** fields.tsx has no date-time input; this one follows its markup. */
function DueField({ value, onChange, error }: { value: string; onChange(value: string): void; error?: string }) {
  const { t } = useTranslation();
  const id = 'activity-due';
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {t('activities.field.due')}
      </label>
      <input
        id={id}
        className="input"
        type="datetime-local"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
