import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { TextField } from '../../components/fields.tsx';
import { Loading } from '../../components/QueryStatus.tsx';
import { graphql } from '../../gql';
import { useViewer } from '../../hooks/useViewer.ts';
import './settings.css';
import { useFeedback } from './useFeedback.ts';

const ChangeMyPasswordMutation = graphql(`
  mutation SettingsChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on ChangeMyPasswordSuccess {
        user {
          id
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;

/** `/profile`: who the user is to the system, their interface language, and a new password. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  if (!viewer) return <Loading what={t('settings.profile.title')} />;
  return (
    <section aria-labelledby="profile-title" className="settings-profile">
      <h1 id="profile-title">{t('settings.profile.title')}</h1>
      <div className="card">
        <dl className="details">
          <div className="details__item">
            <dt>{t('people.users.field.name')}</dt>
            <dd>{viewer.name}</dd>
          </div>
          <div className="details__item">
            <dt>{t('people.users.field.email')}</dt>
            <dd className="settings-cell--wrap">{viewer.email}</dd>
          </div>
          <div className="details__item">
            <dt>{t('people.users.field.role')}</dt>
            <dd>{t(`people.role.${viewer.role}`)}</dd>
          </div>
          <div className="details__item">
            <dt>{t('people.users.field.teams')}</dt>
            <dd>{viewer.teams.length > 0 ? viewer.teams.map((team) => team.name).join(', ') : t('people.users.noTeam')}</dd>
          </div>
        </dl>
        <p className="muted">{t('settings.profile.askAdmin')}</p>
      </div>
      <LanguageCard />
      <PasswordCard />
    </section>
  );
}

/** The language switch of the header, here with room to explain it. */
function LanguageCard() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h2>{t('settings.profile.language')}</h2>
      <LanguageSelect />
      <p className="field__hint">{t('settings.profile.languageHint')}</p>
    </div>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [done, setDone] = useState(false);
  const { feedback, setFeedback, accept } = useFeedback(PASSWORD_FIELDS);
  const [{ fetching }, changeMyPassword] = useMutation(ChangeMyPasswordMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next !== repeated) {
      setFeedback({ errors: { repeated: t('settings.profile.passwordsDiffer') }, unplaced: [] });
      return;
    }
    const result = await changeMyPassword({ currentPassword: current, newPassword: next });
    if (accept({ outcome: result.data?.changeMyPassword, error: result.error }, t('settings.profile.passwordNotChanged'))) {
      setCurrent('');
      setNext('');
      setRepeated('');
      setDone(true);
    }
  }

  return (
    <form className="card" onSubmit={handleSubmit} noValidate aria-label={t('settings.profile.password')}>
      <h2>{t('settings.profile.password')}</h2>
      {done && (
        <p className="banner banner--success" role="status">
          {t('settings.profile.passwordChanged')}
        </p>
      )}
      <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
      <TextField
        id="profile-current-password"
        label={t('settings.profile.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
        error={feedback.errors.currentPassword}
      />
      <TextField
        id="profile-new-password"
        label={t('people.password.new')}
        type="password"
        autoComplete="new-password"
        required
        hint={t('people.password.hint')}
        value={next}
        onChange={setNext}
        error={feedback.errors.newPassword}
      />
      <TextField
        id="profile-repeat-password"
        label={t('settings.profile.repeatPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={repeated}
        onChange={setRepeated}
        error={feedback.errors.repeated}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? t('common.saving') : t('settings.profile.changePassword')}
        </button>
      </div>
    </form>
  );
}
