/** The sign-in form (the only form that posts without a session; the server checks its origin). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from './api';

/** Signs in; calls back with the user and CSRF token. */
export function Login({ onSignedIn }: { readonly onSignedIn: (s: { user: string; csrf: string }) => void }) {
  const { t } = useTranslation('fleet');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(
        await post<{ user: string; csrf: string }>('/api/web/login', {
          name: String(form.get('name')),
          password: String(form.get('password')),
        }),
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login">
      <h1>{t('web.login.heading')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="login-name">{t('web.login.name')}</label>
        <input id="login-name" name="name" autoComplete="username" required />
        <label htmlFor="login-password">{t('web.login.password')}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('web.login.busy') : t('web.login.submit')}
        </button>
      </form>
    </main>
  );
}
