/** The fleet page: sign-in, then the machine list, « Preuve avant redémarrage » and one machine's page (hash routes). */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { TruckIcon } from '../../renderer/components/icons';
import { get, post, setCsrf } from './api';
import { Login } from './login';
import { MachineView } from './machine-view';
import { MachinesView } from './machines-view';
import { ProofView } from './proof-view';

const subscribe = (fn: () => void) => (
  window.addEventListener('hashchange', fn),
  () => window.removeEventListener('hashchange', fn)
);
const go = (hash: string) => void (window.location.hash = hash);

/** The page. */
export function FleetApp() {
  const { t } = useTranslation('fleet');
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const [user, setUser] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    get<{ user: string; csrf: string }>('/api/web/session').then(
      (s) => (setCsrf(s.csrf), setUser(s.user)),
      () => setUser(null),
    );
  }, []);
  if (user === undefined) return <p>{t('web.loading')}</p>;
  if (user === null) return <Login onSignedIn={(s) => (setCsrf(s.csrf), setUser(s.user))} />;
  const machine = /^#\/machines\/([0-9a-f-]{36})$/.exec(hash)?.[1];
  const view = machine ? 'machine' : hash === '#/preuve' ? 'proof' : 'machines';
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        {t('web.skip')}
      </a>
      <header className="topbar">
        <TruckIcon className="brand-mark" />
        <h1>{t('web.title')}</h1>
        <nav aria-label={t('web.nav.label')}>
          <a href="#/" aria-current={view === 'machines' ? 'page' : undefined}>
            {t('web.nav.machines')}
          </a>
          <a href="#/preuve" aria-current={view === 'proof' ? 'page' : undefined}>
            {t('web.nav.proof')}
          </a>
        </nav>
        <span className="user">{t('web.signedInAs', { user })}</span>
        <button type="button" onClick={() => void post('/api/web/logout').finally(() => setUser(null))}>
          {t('web.logout')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {view === 'machine' && machine && <MachineView id={machine} onBack={() => go('#/')} />}
        {view === 'proof' && <ProofView onOpen={(id) => go(`#/machines/${id}`)} />}
        {view === 'machines' && <MachinesView onOpen={(id) => go(`#/machines/${id}`)} />}
      </main>
    </div>
  );
}
