import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { SettingsResetPasswordMutation } from './user-queries.ts';
import { useFeedback } from './useFeedback.ts';

const FIELDS = ['newPassword'] as const;

/** An administrator sets a new password for someone who lost theirs; that user's sessions end. */
export function ResetPasswordForm({ user }: { user: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { feedback, accept } = useFeedback(FIELDS);
  const [{ fetching }, reset] = useMutation(SettingsResetPasswordMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const result = await reset({ id: user.id, newPassword: password });
    if (accept({ outcome: result.data?.resetUserPassword, error: result.error }, t('people.password.notSet'))) {
      setPassword('');
      setDone(true);
    }
  }

  return (
    <form className="dialog__form settings-subform" onSubmit={handleSubmit} noValidate aria-label={t('people.password.resetTitle')}>
      <h3>{t('people.password.resetTitle')}</h3>
      <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
      {done && (
        <p className="banner banner--success" role="status">
          {t('people.password.resetDone', { name: user.name })}
        </p>
      )}
      <TextField
        id="reset-password"
        label={t('people.password.new')}
        type="password"
        autoComplete="new-password"
        hint={t('people.password.hint')}
        value={password}
        onChange={setPassword}
        error={feedback.errors.newPassword}
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={fetching || password === ''}>
          {t('people.password.set')}
        </button>
      </div>
    </form>
  );
}
