/**
 * The one set of owner-facing words: locale files per namespace, used by the core, the CLI,
 * the PDF and the renderer through i18next. A key missing in one language fails a test.
 */
import frCommon from './locales/fr/common.json';
import enCommon from './locales/en/common.json';
import frFindings from './locales/fr/findings.json';
import enFindings from './locales/en/findings.json';
import frProbes from './locales/fr/probes.json';
import enProbes from './locales/en/probes.json';
import frCli from './locales/fr/cli.json';
import enCli from './locales/en/cli.json';
import frPlans from './locales/fr/plans.json';
import enPlans from './locales/en/plans.json';
import frUi from './locales/fr/ui.json';
import enUi from './locales/en/ui.json';
import frReport from './locales/fr/report.json';
import enReport from './locales/en/report.json';
import frGuides from './locales/fr/guides.json';
import enGuides from './locales/en/guides.json';
import frAppUpdates from './locales/fr/appUpdates.json';
import enAppUpdates from './locales/en/appUpdates.json';
import frTruth from './locales/fr/truth.json';
import enTruth from './locales/en/truth.json';
import frHardening from './locales/fr/hardening.json';
import enHardening from './locales/en/hardening.json';
import frPrograms from './locales/fr/programs.json';
import enPrograms from './locales/en/programs.json';
import frProgramUpdates from './locales/fr/programUpdates.json';
import enProgramUpdates from './locales/en/programUpdates.json';
import frSite from './locales/fr/site.json';
import enSite from './locales/en/site.json';
import frCarnet from './locales/fr/carnet.json';
import enCarnet from './locales/en/carnet.json';
import frFleet from './locales/fr/fleet.json';
import enFleet from './locales/en/fleet.json';
import frFleetApp from './locales/fr/fleet-app.json';
import enFleetApp from './locales/en/fleet-app.json';
import frOwner from './locales/fr/owner.json';
import enOwner from './locales/en/owner.json';
import frBeginner from './locales/fr/beginner.json';
import enBeginner from './locales/en/beginner.json';
import frDashboard from './locales/fr/dashboard.json';
import enDashboard from './locales/en/dashboard.json';

/** The languages of the interface; French is the default. */
export const languages = ['fr', 'en'] as const;
export type Lang = (typeof languages)[number];

/** Namespaces: one locale file each, owned by one part of the product. */
export const namespaces = [
  'common',
  'findings',
  'probes',
  'cli',
  'plans',
  'ui',
  'report',
  'guides',
  'appUpdates',
  'truth',
  'hardening',
  'programs',
  'programUpdates',
  'site',
  'carnet',
  'fleet',
  'fleetApp',
  'owner',
  'beginner',
  'dashboard',
] as const;
export type Namespace = (typeof namespaces)[number];

/** The namespaces the app's screens use (the CLI's and the PDF's words stay out of its bundle). */
export const uiNamespaces = [
  'common',
  'findings',
  'probes',
  'plans',
  'ui',
  'guides',
  'appUpdates',
  'truth',
  'programs',
  'programUpdates',
  'site',
  'carnet',
  'fleetApp',
  'owner',
  'beginner',
  'dashboard',
] as const;

/** The locale resources of the app's screens, in i18next's shape. */
export const uiResources = {
  fr: {
    common: frCommon,
    findings: frFindings,
    probes: frProbes,
    plans: frPlans,
    ui: frUi,
    guides: frGuides,
    appUpdates: frAppUpdates,
    truth: frTruth,
    programs: frPrograms,
    programUpdates: frProgramUpdates,
    site: frSite,
    carnet: frCarnet,
    fleetApp: frFleetApp,
    owner: frOwner,
    beginner: frBeginner,
    dashboard: frDashboard,
  },
  en: {
    common: enCommon,
    findings: enFindings,
    probes: enProbes,
    plans: enPlans,
    ui: enUi,
    guides: enGuides,
    appUpdates: enAppUpdates,
    truth: enTruth,
    programs: enPrograms,
    programUpdates: enProgramUpdates,
    site: enSite,
    carnet: enCarnet,
    fleetApp: enFleetApp,
    owner: enOwner,
    beginner: enBeginner,
    dashboard: enDashboard,
  },
} as const;

/** All locale resources, in i18next's shape. */
export const resources = {
  fr: {
    ...uiResources.fr,
    cli: frCli,
    report: frReport,
    hardening: frHardening,
    fleet: frFleet,
  },
  en: {
    ...uiResources.en,
    cli: enCli,
    report: enReport,
    hardening: enHardening,
    fleet: enFleet,
  },
} as const;

/** Whether a value is a supported language. */
export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}
