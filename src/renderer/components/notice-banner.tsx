/** The owner's notice: errors said kindly (role=alert), confirmations politely; dismissable. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** Shows the current notice of the store. */
export function NoticeBanner() {
  const { t } = useTranslation('ui');
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>
        {notice.kind === 'error' && <strong>{t('notice.errorLead')} </strong>}
        {notice.message}
      </p>
      <Button className="button button--quiet" onPress={dismiss}>
        {t('notice.dismiss')}
      </Button>
    </div>
  );
}

/** An inline error next to the action that failed (kind words, nothing lost). */
export function InlineError({ message }: { readonly message: string | null }) {
  const { t } = useTranslation('ui');
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <strong>{t('notice.errorLead')} </strong>
        {message} {t('notice.nothingLost')}
      </p>
    </div>
  );
}
