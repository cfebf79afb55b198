/** The app shell: header, navigation between screens, notices, and the current screen. */
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CarnetIcon, FlagIcon, GaugeIcon, ListIcon, SpannerIcon, TruckIcon } from './components/icons';
import { NoticeBanner } from './components/notice-banner';
import { CheckupScreen } from './features/checkup/checkup-screen';
import { DashboardScreen } from './features/dashboard/dashboard-screen';
import { InventoryScreen } from './features/inventory/inventory-screen';
import { JournalScreen } from './features/journal/journal-screen';
import { MissionsScreen } from './features/missions/missions-screen';
import { SettingsScreen } from './features/settings/settings-screen';
import { WelcomeScreen } from './features/welcome/welcome-screen';
import { useLang } from './hooks';
import { useAppStore } from './store';
import type { Screen } from './store/ui-slice';

const nav: readonly { screen: Screen; icon: ReactNode }[] = [
  { screen: 'dashboard', icon: <CarnetIcon /> },
  { screen: 'checkup', icon: <GaugeIcon /> },
  { screen: 'missions', icon: <FlagIcon /> },
  { screen: 'inventory', icon: <ListIcon /> },
  { screen: 'journal', icon: <CarnetIcon /> },
  { screen: 'settings', icon: <SpannerIcon /> },
];

/** The whole app. */
export function App() {
  const { t, i18n } = useTranslation('ui');
  const lang = useLang();
  const loaded = useAppStore((s) => s.loaded);
  const loadError = useAppStore((s) => s.loadError);
  const load = useAppStore((s) => s.load);
  const screen = useAppStore((s) => s.screen);
  const go = useAppStore((s) => s.go);
  const onboarded = useAppStore((s) => s.workspace?.onboarded ?? false);

  useEffect(() => {
    void load();
  }, [load]);
  // A notification or the tray asks for a screen (the weekly watch).
  useEffect(() => window.revision.on('app:navigate', ({ screen }) => go(screen)), [go]);
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    document.title = t('app.name');
  }, [lang, i18n, t]);
  // Move focus to the new screen's heading so keyboard and screen-reader users follow along.
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }, [screen]);

  const showNav = onboarded && screen !== 'welcome';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <TruckIcon className="topbar__logo" />
        <span className="topbar__name">{t('app.name')}</span>
        <span className="topbar__tagline">{t('app.tagline')}</span>
      </header>
      <div className="shell__body">
        {showNav && (
          <nav className="sidenav" aria-label={t('nav.label')}>
            <ul>
              {nav.map((item) => (
                <li key={item.screen}>
                  <Button
                    className="sidenav__item"
                    onPress={() => go(item.screen)}
                    aria-current={screen === item.screen ? 'page' : undefined}
                    data-screen={item.screen}
                  >
                    {item.icon}
                    <span>{t(`nav.${item.screen}`, { ns: ['ui', 'carnet'] })}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" className="main" tabIndex={-1}>
          <NoticeBanner />
          {!loaded && <p role="status">{t('app.loading')}</p>}
          {loadError && (
            <div className="notice notice--error" role="alert">
              <p>
                <strong>{t('app.loadErrorTitle')}</strong> {loadError}
              </p>
              <p>{t('app.loadErrorNext')}</p>
              <Button className="button" onPress={() => void load()}>
                {t('app.retry')}
              </Button>
            </div>
          )}
          {loaded && !loadError && <CurrentScreen screen={screen} />}
        </main>
      </div>
    </div>
  );
}

function CurrentScreen({ screen }: { readonly screen: Screen }) {
  switch (screen) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'checkup':
      return <CheckupScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'missions':
      return <MissionsScreen />;
    case 'inventory':
      return <InventoryScreen />;
    case 'journal':
      return <JournalScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
