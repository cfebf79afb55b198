/**
 * One program's voyant on « Vos logiciels » (issue 12): à jour / mise à jour disponible (with the new
 * version) / plus maintenu (with the date) / version inconnue, and « visé par des attaques » said
 * carefully: a fact about the program, not an alarm about this computer.
 */
import { useTranslation } from 'react-i18next';
import type { FindingState } from '../../../shared/checkup';
import { displayDate } from '../../../shared/finding-text';
import type { Lang } from '../../../shared/i18n';
import type { ProgramView } from '../../../shared/programs';
import { Voyant } from '../../components/voyant';

/** The fields of a program the voyant needs. */
export type ProgramVoyantInput = Pick<
  ProgramView,
  'status' | 'version' | 'latestVersion' | 'endOfLife' | 'exploited'
>;

/** The voyant state of a program: an update waiting on a program attackers target is danger. */
export function programState(p: ProgramVoyantInput): FindingState {
  switch (p.status) {
    case 'current':
      return 'ok';
    case 'outdated':
      return p.exploited ? 'danger' : 'attention';
    case 'end-of-life':
      return 'danger';
    case 'unknown':
      return 'unknown';
  }
}

/** The voyant and, for a program attackers target, the careful sentence; for an ended one, the advice to uninstall it. */
export function ProgramVoyant({ program }: { readonly program: ProgramVoyantInput }) {
  const { t, i18n } = useTranslation('programs');
  const lang = (i18n.language === 'en' ? 'en' : 'fr') as Lang;
  const label =
    program.status === 'outdated' && program.latestVersion
      ? t('status.outdatedTo', { version: program.latestVersion })
      : program.status === 'end-of-life' && program.endOfLife
        ? t('status.endOfLifeOn', { date: displayDate(program.endOfLife, lang) })
        : program.status === 'unknown' && program.version
          ? t('status.unchecked')
          : t(`status.${program.status}`);
  return (
    <span className="program-voyant">
      <Voyant state={programState(program)} label={label} />
      {program.exploited && (
        <span
          className="program-voyant__exploited"
          title={t('exploited.detail', { date: displayDate(program.exploited.lastAdded, lang) })}
        >
          {t('exploited.label')} —{' '}
          {t('exploited.detail', { date: displayDate(program.exploited.lastAdded, lang) })}
        </span>
      )}
      {program.status === 'end-of-life' && (
        <span className="program-voyant__advice">{t('uninstallAdvice')}</span>
      )}
    </span>
  );
}
