/**
 * « Preuve avant redémarrage »: proven machines, and the call list of those not proven with the
 * site's contact. Polls, so a machine changes list when its next report arrives.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { when } from './format';
import { ErrorNote } from './error-note';
import type { ProofLine, ProofPage } from './types';
import { usePoll } from './use-poll';
import { MachineLink } from './machine-link';

function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

function ProofTable({
  lines,
  proven,
  onOpen,
}: {
  readonly lines: readonly ProofLine[];
  readonly proven: boolean;
  readonly onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('fleet');
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('web.machines.colSite')}</th>
          <th scope="col">{t('web.machines.colHost')}</th>
          {!proven && <th scope="col">{t('web.proof.colContact')}</th>}
          <th scope="col">{t('web.machines.colLast')}</th>
          <th scope="col">{t('web.proof.colSignatures')}</th>
          {!proven && <th scope="col">{t('web.proof.colReason')}</th>}
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.id}>
            <td>{l.site}</td>
            <td>
              <MachineLink id={l.id} hostname={l.hostname} onOpen={onOpen} />
            </td>
            {!proven && <td>{l.siteContact ?? '—'}</td>}
            <td>{when(l.lastReportAt, t('web.never'))}</td>
            <td>{when(l.signatureAt, '—')}</td>
            {!proven && <td>{l.reason ? t(`proof.reasons.${l.reason}`) : ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The proof view. */
export function ProofView({ onOpen }: { readonly onOpen: (id: string) => void }) {
  const { t } = useTranslation('fleet');
  const [since, setSince] = useState(() => localInput(Date.now() - 24 * 3_600_000));
  const [hours, setHours] = useState(24);
  const sinceIso = Number.isFinite(Date.parse(since)) ? new Date(since).toISOString() : '';
  const q = new URLSearchParams({ hours: String(hours) });
  if (sinceIso) q.set('since', sinceIso);
  const { data, error } = usePoll<ProofPage>(`/api/web/proof?${q}`);
  return (
    <section aria-labelledby="proof-heading">
      <h2 id="proof-heading">{t('web.proof.heading')}</h2>
      <p>{t('web.proof.intro', { hours })}</p>
      <fieldset className="filters">
        <legend className="visually-hidden">{t('web.proof.heading')}</legend>
        <label>
          {t('web.proof.since')}
          <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
        <label>
          {t('web.proof.hours')}
          <input
            type="number"
            min={1}
            max={1440}
            value={hours}
            onChange={(e) => setHours(Math.min(1440, Math.max(1, Number(e.target.value) || 24)))}
          />
        </label>
      </fieldset>
      <p className="exports">
        <a href={`/api/web/export/proof.csv?${q}`} download>
          {t('web.proof.exportCsv')}
        </a>
      </p>
      <p className="hint">{t('web.proof.live')}</p>
      <ErrorNote error={error} />
      {data && (
        <div className="proof-lists">
          <section aria-labelledby="not-proven-heading" data-testid="not-proven">
            <h3 id="not-proven-heading" aria-live="polite">
              {t('web.proof.notProven', { count: data.notProven.length })}
            </h3>
            {data.notProven.length ? (
              <ProofTable lines={data.notProven} proven={false} onOpen={onOpen} />
            ) : (
              <p>{t('web.proof.noneToCall')}</p>
            )}
          </section>
          <section aria-labelledby="proven-heading" data-testid="proven">
            <h3 id="proven-heading" aria-live="polite">
              {t('web.proof.proven', { count: data.proven.length })}
            </h3>
            {data.proven.length ? (
              <ProofTable lines={data.proven} proven onOpen={onOpen} />
            ) : (
              <p>{t('web.proof.noneProven')}</p>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
