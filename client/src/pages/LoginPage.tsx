import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { TextField } from '../components/fields.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { graphql } from '../gql';
import { useServerErrors } from '../i18n/useServerErrors.ts';
import type { FieldErrors } from '../lib/field-errors.ts';
import { useSession } from '../session/SessionProvider.tsx';

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on LoginPayload {
        token
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export function LoginPage() {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const { token, signIn } = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/accounts';

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message?: string; details: string[] }>({ details: [] });
  const [{ fetching }, login] = useMutation(LoginMutation);

  if (token) return <Navigate to={from} replace />;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await login({ email, password });
    const outcome = result.data?.login;
    if (outcome?.__typename === 'LoginPayload') {
      signIn(outcome.token); // and the <Navigate> above takes the user on
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, ['email', 'password']);
      setErrors(byField);
      setSummary({ details: unplaced });
      return;
    }
    setErrors({});
    setSummary({ message: serverErrors.failure(null, result.error, t('login.failed')), details: [] });
  }

  return (
    <div className="login">
      <form className="card login__card" onSubmit={handleSubmit} noValidate aria-labelledby="login-title">
        <h1 id="login-title" className="login__title">
          {t('layout.brand')}
        </h1>
        <p className="muted">{t('login.intro')}</p>
        <FormErrorSummary message={summary.message} details={summary.details} />
        <TextField
          id="login-email"
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
          autoFocus
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
        />
        <button type="submit" className="button button--primary button--block" disabled={fetching}>
          {fetching ? t('login.signingIn') : t('login.signIn')}
        </button>
      </form>
    </div>
  );
}
