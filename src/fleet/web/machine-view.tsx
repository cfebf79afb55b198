/** One machine: its latest report (the app's own texts), its history of voyants, its programs, its exports. */
import { useTranslation } from 'react-i18next';
import type { CheckupReport, FindingState } from '../../shared/checkup';
import { VoyantIcon } from '../../renderer/components/icons';
import { when } from './format';
import { ErrorNote } from './error-note';
import type { Machine } from './types';
import { usePoll } from './use-poll';
import { VoyantRow } from './voyants';

interface MachinePage {
  readonly machine: Machine;
  readonly history: readonly { day: string; states: Record<string, FindingState> }[];
  readonly report: CheckupReport | null;
}

/** Days of history shown on the page (the server keeps 400). */
const HISTORY_SHOWN = 60;

/** The machine page. */
export function MachineView({ id, onBack }: { readonly id: string; readonly onBack: () => void }) {
  const { t } = useTranslation('fleet');
  const { data, error } = usePoll<MachinePage>(`/api/web/machines/${id}`, 15_000);
  const m = data?.machine;
  return (
    <section aria-labelledby="machine-heading">
      <p>
        <a href="#/" onClick={(e) => (e.preventDefault(), onBack())}>
          {t('web.machine.back')}
        </a>
      </p>
      <ErrorNote error={error} />
      {m && data && (
        <>
          <h2 id="machine-heading">{t('web.machine.heading', { host: m.hostname ?? m.id, site: m.site })}</h2>
          <p>
            {m.osName} · {t('web.machine.received', { date: when(m.lastReportAt, t('web.never')) })}
          </p>
          <p className="exports">
            <a href={`/api/web/export/machines/${id}/report.json`} download>
              {t('web.machine.exportJson')}
            </a>
            <a href={`/api/web/export/machines/${id}/sbom.json`} download>
              {t('web.machine.exportSbom')}
            </a>
          </p>
          <h3>{t('web.machine.latest')}</h3>
          <ul className="findings">
            {data.report?.findings.map((f) => (
              <li key={f.id} className={`finding finding--${f.state}`}>
                <VoyantIcon state={f.state} />
                <div>
                  <h4>{f.title}</h4>
                  {f.detail && <p>{f.detail}</p>}
                  {f.action && <p className="hint">{f.action}</p>}
                </div>
              </li>
            ))}
          </ul>
          <h3>{t('web.machine.history')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('web.machine.colDay')}</th>
                <th scope="col">{t('web.machines.colVoyants')}</th>
              </tr>
            </thead>
            <tbody>
              {data.history.slice(0, HISTORY_SHOWN).map((d) => (
                <tr key={d.day}>
                  <td>{d.day}</td>
                  <td>
                    <VoyantRow states={d.states} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('web.machine.programs', { count: data.report?.inventory.applications.length ?? 0 })}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('web.machine.colName')}</th>
                <th scope="col">{t('web.machine.colVersion')}</th>
                <th scope="col">{t('web.machine.colPublisher')}</th>
              </tr>
            </thead>
            <tbody>
              {data.report?.inventory.applications.map((a, i) => (
                <tr key={`${a.name}-${i}`}>
                  <td>{a.name}</td>
                  <td>{a.version ?? '—'}</td>
                  <td>{a.publisher ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
