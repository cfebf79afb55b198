/** Entry of the fleet page: i18next in French with the shared locale files, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import frFleet from '../../shared/locales/fr/fleet.json';
import frUi from '../../shared/locales/fr/ui.json';
import { FleetApp } from './app';
import './styles.css';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'fr',
  fallbackLng: false,
  resources: { fr: { fleet: frFleet, ui: frUi } },
  ns: ['fleet', 'ui'],
  defaultNS: 'fleet',
  initAsync: false,
  interpolation: { escapeValue: false },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <FleetApp />
      </I18nextProvider>
    </StrictMode>,
  );
}
