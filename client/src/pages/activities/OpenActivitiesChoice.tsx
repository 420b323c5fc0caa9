import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { OpenActivitiesChoice as Choice } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { OpenActivitiesQuery } from './activity-queries.ts';

const SHOWN = 5;

/** The opportunity's open activities, which winning or losing must close or keep. */
export function useOpenActivities(opportunityId: string) {
  const [{ data }] = useQuery({ query: OpenActivitiesQuery, variables: { opportunityId }, requestPolicy: 'network-only' });
  const open = data?.activities;
  return {
    loaded: open !== undefined,
    count: open?.totalCount ?? 0,
    activities: open?.edges.map((edge) => edge.node) ?? [],
  };
}

interface Props {
  open: ReturnType<typeof useOpenActivities>;
  value: Choice | null;
  onChange(value: Choice): void;
  /** The server's CHOICE_REQUIRED (or another reason) for `openActivities`. */
  error?: string;
}

/**
 * Asks what becomes of the open activities when an opportunity is won or lost: close them (marked
 * done) or keep them open. Nothing is preselected, since either can be right; without open
 * activities (and without the server asking) there is nothing to ask.
 */
export function OpenActivitiesChoice({ open, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  if (open.count === 0 && !error) return null;
  const errorId = 'open-activities-error';
  return (
    <fieldset
      className={`field choice${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
      data-testid="open-activities-choice"
    >
      <legend className="field__label">
        {open.count > 0 ? t('agenda.closeChoice.question', { count: open.count }) : t('agenda.closeChoice.questionUncounted')}
      </legend>
      {open.activities.length > 0 && (
        <ul className="choice__list">
          {open.activities.slice(0, SHOWN).map((activity) => (
            <li key={activity.id}>
              {t(`activities.type.${activity.type}`)}: {activity.subject}
              {activity.dueAt && <span className={activity.status === 'OVERDUE' ? 'task__due--overdue' : 'muted'}> · {formats.due(activity.dueAt)}</span>}
            </li>
          ))}
          {open.count > SHOWN && <li className="muted">{t('agenda.closeChoice.more', { count: open.count - SHOWN })}</li>}
        </ul>
      )}
      <label className="choice__option">
        <input type="radio" name="open-activities" value="CLOSE" checked={value === 'CLOSE'} onChange={() => onChange('CLOSE')} />
        {t('agenda.closeChoice.CLOSE', { count: open.count })}
      </label>
      <label className="choice__option">
        <input type="radio" name="open-activities" value="KEEP" checked={value === 'KEEP'} onChange={() => onChange('KEEP')} />
        {t('agenda.closeChoice.KEEP', { count: open.count })}
      </label>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
