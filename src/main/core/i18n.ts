/** i18next for the core, the CLI and the PDF: one instance per language, same resources as the renderer. */
import i18next, { type TFunction } from 'i18next';
import { namespaces, resources, type Lang } from '../../shared/i18n';

const instances = new Map<Lang, TFunction>();

/** The translate function for a language (created once, synchronously). */
export function getT(lang: Lang): TFunction {
  const existing = instances.get(lang);
  if (existing) return existing;
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: false,
    resources,
    ns: [...namespaces],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const t = instance.t.bind(instance) as TFunction;
  instances.set(lang, t);
  return t;
}

/** The same translate function, typed loosely for the shared helpers (src/shared/finding-text.ts). */
export function getTranslate(lang: Lang): (key: string, options?: Record<string, unknown>) => string {
  const t = getT(lang);
  return (key, options) => String(t(key, options as never));
}
