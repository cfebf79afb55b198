/** Every machine with its site, last report and voyants; filters by site, voyant and « pas de nouvelles depuis 48 h ». */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { coreFindingIds, type FindingState } from '../../shared/enums';
import { when } from './format';
import { ErrorNote } from './error-note';
import type { FleetPage } from './types';
import { usePoll } from './use-poll';
import { VoyantRow } from './voyants';
import { MachineLink } from './machine-link';

const PAGE = 100;
const STATES: readonly FindingState[] = ['danger', 'attention', 'unknown', 'ok'];

interface Filters {
  readonly site: string;
  readonly state: string;
  readonly silent: boolean;
}

/** The filters: site, voyant, « pas de nouvelles depuis 48 h ». */
function MachineFilters({
  sites,
  value,
  onChange,
}: {
  readonly sites: readonly string[];
  readonly value: Filters;
  readonly onChange: (f: Filters) => void;
}) {
  const { t } = useTranslation('fleet');
  return (
    <fieldset className="filters">
      <legend>{t('web.machines.filters')}</legend>
      <label>
        {t('web.machines.site')}
        <select value={value.site} onChange={(e) => onChange({ ...value, site: e.target.value })}>
          <option value="">{t('web.machines.allSites')}</option>
          {sites.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        {t('web.machines.state')}
        <select value={value.state} onChange={(e) => onChange({ ...value, state: e.target.value })}>
          <option value="">{t('web.machines.allStates')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`web.machines.stateHas.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={value.silent}
          onChange={(e) => onChange({ ...value, silent: e.target.checked })}
        />
        {t('web.machines.silent')}
      </label>
    </fieldset>
  );
}

/** The machines of one page, with their voyants. */
function MachineTable({
  machines,
  onOpen,
}: {
  readonly machines: FleetPage['machines'];
  readonly onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('fleet');
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('web.machines.colSite')}</th>
          <th scope="col">{t('web.machines.colHost')}</th>
          <th scope="col">{t('web.machines.colLast')}</th>
          <th scope="col">{t('web.machines.colVoyants')}</th>
        </tr>
      </thead>
      <tbody>
        {machines.map((m) => (
          <tr key={m.id}>
            <td>{m.site}</td>
            <td>
              <MachineLink id={m.id} hostname={m.hostname} onOpen={onOpen} />
            </td>
            <td>{when(m.lastReportAt, t('web.never'))}</td>
            <td>
              <VoyantRow states={m.states} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The fleet list. */
export function MachinesView({ onOpen }: { readonly onOpen: (id: string) => void }) {
  const { t } = useTranslation('fleet');
  const [filters, setFilters] = useState<Filters>({ site: '', state: '', silent: false });
  const { site, state, silent } = filters;
  const [offset, setOffset] = useState(0);
  const q = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
  if (site) q.set('site', site);
  if (state) q.set('state', state);
  if (silent) q.set('silent', 'true');
  const { data, error } = usePoll<FleetPage>(`/api/web/fleet?${q}`);
  return (
    <section aria-labelledby="machines-heading">
      <h2 id="machines-heading">{t('web.machines.heading')}</h2>
      <MachineFilters
        sites={data?.sites ?? []}
        value={filters}
        onChange={(f) => (setFilters(f), setOffset(0))}
      />
      <p className="exports">
        <a href="/api/web/export/fleet.csv" download>
          {t('web.machines.exportCsv')}
        </a>
        <a href="/api/web/export/sbom.json" download>
          {t('web.machines.exportSbom')}
        </a>
      </p>
      <ErrorNote error={error} />
      {!data && !error && <p aria-live="polite">{t('web.loading')}</p>}
      {data && (
        <>
          <p aria-live="polite">{t('web.machines.count', { count: data.total })}</p>
          <p className="hint">
            {t('web.machines.legend', {
              list: coreFindingIds.map((id) => t(`web.findings.${id}`)).join(', '),
            })}
          </p>
          {data.machines.length === 0 ? (
            <p>{t('web.machines.none')}</p>
          ) : (
            <MachineTable machines={data.machines} onOpen={onOpen} />
          )}
          {data.total > PAGE && (
            <nav
              className="pager"
              aria-label={t('web.machines.page', {
                from: offset + 1,
                to: Math.min(offset + PAGE, data.total),
                total: data.total,
              })}
            >
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                {t('web.machines.previous')}
              </button>
              <span>
                {t('web.machines.page', {
                  from: offset + 1,
                  to: Math.min(offset + PAGE, data.total),
                  total: data.total,
                })}
              </span>
              <button
                type="button"
                disabled={offset + PAGE >= data.total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('web.machines.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
