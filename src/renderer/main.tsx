/** Renderer entry: one store over window.revision, i18next in French by default, the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { createI18n } from './i18n';
import { createAppStore, StoreContext } from './store';
import './styles.css';

const store = createAppStore(window.revision);
const i18n = createI18n('fr');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreContext.Provider value={store}>
          <App />
        </StoreContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
}
