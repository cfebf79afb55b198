/** The renderer's i18next instance: the shared locale files, French by default. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiNamespaces, uiResources, type Lang } from '../shared/i18n';

/** Creates a ready instance (synchronous: resources are bundled). */
export function createI18n(lang: Lang = 'fr'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources: uiResources,
    ns: [...uiNamespaces],
    defaultNS: 'ui',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
