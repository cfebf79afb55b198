/** The server's refusal, in its words; the database outage gets its own plain sentence. */
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api';

/** Shows an error of the API, or nothing. */
export function ErrorNote({ error }: { readonly error: ApiError | null }) {
  const { t } = useTranslation('fleet');
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error.code === 'dbDown' ? t('web.dbDown') : t('web.error', { message: error.message })}
    </p>
  );
}
