/** Every owner-facing word of the plans exists in French and English, and every key the core uses is there. */
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { reasonCodes } from './executor';
import { WINDOWS_HOME_GUIDE } from './planners';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('plans locale files', () => {
  it('French and English have exactly the same keys, none empty', () => {
    expect(keys(resources.en.plans).sort()).toEqual(keys(resources.fr.plans).sort());
    for (const lang of ['fr', 'en'] as const) {
      const flat = keys(resources[lang].plans);
      for (const k of flat)
        expect(
          k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], resources[lang].plans),
          `${lang}:${k}`,
        ).not.toBe('');
    }
  });

  it('holds every reason, guide step and history line the core refers to', () => {
    const fr = new Set(keys(resources.fr.plans));
    for (const reason of reasonCodes) expect(fr.has(`reason.${reason}`), reason).toBe(true);
    for (const step of WINDOWS_HOME_GUIDE) expect(fr.has(step.key), step.key).toBe(true);
    for (const h of [
      'history.autoUpdatesOn',
      'history.autoUpdatesOnNight',
      'history.autoUpdatesOnWeekend',
      'history.autoUpdatesUndone',
    ]) {
      // Plural forms (i18next rules): one and other, never « réglage(s) ».
      expect(fr.has(`${h}_one`) && fr.has(`${h}_other`), h).toBe(true);
    }
    // No jargon on the owner's screens: these words belong to the prestataire's technical view.
    const owner = JSON.stringify(
      Object.values(resources.fr.plans).flatMap((group) => JSON.stringify(Object.values(group))),
    );
    for (const word of [/\bregistre\b/i, /\bCVE\b/, /\bpatch/i, /apt-get/, /reg\.exe/, /systemd/])
      expect(word.test(owner), String(word)).toBe(false);
  });
});
