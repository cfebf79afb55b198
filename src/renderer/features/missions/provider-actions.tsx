/** The intermediate mission's buttons: export the PDF logbook, prepare the message to the prestataire. */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportResult, ProviderEmail } from '../../../shared/ipc';
import { ReadOnlyArea } from '../../components/field';
import { InlineError } from '../../components/notice-banner';
import { useLang } from '../../hooks';
import { useAppStore } from '../../store';
import { errorMessage } from '../../store/types';

/** « Exporter le carnet d'entretien (PDF) »; records the task on success. */
export function ExportPdfButton({ taskId }: { readonly taskId?: string }) {
  const { t } = useTranslation('ui');
  const lang = useLang();
  const tickTask = useAppStore((s) => s.tickTask);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await window.revision.reportExportPdf({ lang });
      setResult(r);
      if (r.status === 'saved' && taskId) await tickTask(taskId, true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <Button className="button button--primary" isDisabled={busy} onPress={() => void run()}>
        {t('report.exportPdf')}
      </Button>
      {result?.status === 'saved' && (
        <p className="result result--ok" role="status">
          {t('report.saved', { count: result.pages })} <span className="path" translate="no">{result.path}</span>
        </p>
      )}
      {result?.status === 'cancelled' && <p role="status">{t('report.cancelled')}</p>}
      <InlineError message={error} />
    </div>
  );
}

/** « Préparer le message au prestataire »: subject and body to copy, or open the mail app. */
export function ProviderMessage() {
  const { t } = useTranslation('ui');
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState<ProviderEmail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const prepare = async () => {
    setBusy(true);
    setError(null);
    try {
      setEmail(await window.revision.reportEmail({ lang }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!email) return;
    try {
      await navigator.clipboard.writeText(`${email.subject}\n\n${email.body}`);
      setCopied(true);
    } catch {
      setError(t('report.copyFailed'));
    }
  };
  const open = async () => {
    if (!email) return;
    try {
      await window.revision.shellOpenExternal(email.mailto);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="stack">
      <Button className="button button--primary" isDisabled={busy} onPress={() => void prepare()}>
        {t('report.prepareEmail')}
      </Button>
      {email && (
        <div className="email card card--inner">
          <p>
            <strong>{t('report.to')}</strong> {email.to || t('report.noRecipient')}
          </p>
          <p>
            <strong>{t('report.subject')}</strong> {email.subject}
          </p>
          <ReadOnlyArea label={t('report.body')} value={email.body} />
          <div className="actions">
            <Button className="button" onPress={() => void copy()}>
              {t('report.copy')}
            </Button>
            <Button className="button button--primary" onPress={() => void open()}>
              {t('report.openMail')}
            </Button>
          </div>
          {copied && <p role="status">{t('report.copied')}</p>}
        </div>
      )}
      <InlineError message={error} />
    </div>
  );
}
